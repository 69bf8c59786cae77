/** Form fields shared by the terminal renderer's tests (bot/terminal/*.test.ts). */
import type { Field } from '../../bot/conversation/view.js';

/** A required single choice of three themes. */
export const themeField: Field = {
  kind: 'choice',
  multiple: false,
  id: 'theme',
  label: 'Thema',
  required: true,
  choices: [
    { value: 'housing', label: 'Wonen' },
    { value: 'indication', label: 'Indicatie (Wlz, Wmo)' },
    { value: 'financing', label: 'Financiering' },
  ],
};
