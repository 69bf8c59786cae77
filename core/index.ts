/**
 * The core's public face for the fronts (CLI, bot): use-cases, context,
 * errors, messages, dates and the schema types. Pure: no SDK, no fs, no env.
 */
export * from './schema.js';
export * from './errors.js';
export * from './messages.js';
export * from './dates.js';
export * from './context.js';
export * from './case-route.js';
export * from './store.js';
export { scanForIdentifiers, maskMatch, type PrivacyFinding, type PrivacyFindingKind } from './privacy.js';
export * from './usecases/people.js';
export * from './usecases/cases.js';
export * from './usecases/signals.js';
export * from './usecases/task-groups.js';
export * from './usecases/events.js';
export * from './usecases/monitor.js';
export * from './usecases/settings.js';
export * from './usecases/outbox.js';
export * from './usecases/chat.js';
