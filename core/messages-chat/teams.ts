/**
 * Texts only the Microsoft Teams front shows (card chrome, the message-action
 * dialog, the cancelled form). The conversation's own texts live in
 * `core/messages-bot.ts`; the Teams app manifest
 * (`bot/teams/appPackage/manifest.json`) repeats the app, command and
 * message-action texts below, and a test keeps them equal.
 */

export const teamsMsg = {
  /** Shown by clients that cannot render Adaptive Cards 1.5. */
  cardFallback: () => 'Dit bericht is een kaart die deze versie van Teams niet kan tonen. Werk Teams bij of gebruik de Teams-app op uw computer.',
  /** Client-side check of a required input (shown before anything is sent). */
  requiredText: (label: string) => `Vul „${label}” in.`,
  requiredChoice: (label: string) => `Maak een keuze bij „${label}”.`,
  /** Above the field errors of a form shown again. */
  formErrorsIntro: () => 'Controleer de velden met een melding hieronder.',
  /** The form after "Annuleren". */
  cancelledTitle: () => 'Geannuleerd',
  cancelledText: () => 'Er is niets opgeslagen.',
  /** A card button from an old card that this version no longer knows. */
  unknownAction: () => 'Deze knop werkt niet meer. Typ „help” voor wat u kunt doen.',
  unexpected: () => 'Er ging iets mis. Probeer het later opnieuw of neem contact op met de kwartiermaker.',
  /** In a team channel or group chat: everything the bot shows stays in a one-to-one chat. */
  sharedChatTitle: () => 'Coördinatiepunt Levensloopaanpak',
  sharedChatText: () =>
    'Casussen en meldingen zijn niet voor iedereen in dit gesprek bedoeld. Open daarom een persoonlijke chat met Coördinatiepunt LLA om te melden, uw casussen te bekijken of hulp te vragen.',
  sharedChatMessageAction: () => 'Wilt u van een bericht hier een melding maken? Kies „Meld als vastgelopen casus” in het menu (…) van dat bericht; het formulier ziet alleen u.',

  // Repeated in bot/teams/appPackage/manifest.json
  appShortName: () => 'Coördinatiepunt LLA',
  appFullName: () => 'Coördinatiepunt Levensloopaanpak',
  appShortDescription: () => 'Meld vastgelopen casussen en signalen bij het Coördinatiepunt Levensloopaanpak.',
  messageActionTitle: () => 'Meld als vastgelopen casus',
  messageActionDescription: () => 'Maak van dit bericht een melding; de tekst wordt de situatieschets.',
} as const;
