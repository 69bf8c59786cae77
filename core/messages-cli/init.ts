/** Texts of `lla init`. */
export const initMsg = {
  description: () => 'Maak het gegevensbestand aan met de referentiegegevens en de eerste kwartiermaker.',
  optName: () => 'naam van de kwartiermaker',
  optEmail: () => 'e-mailadres van de kwartiermaker',
  optOrganisation: () => 'organisatie van de kwartiermaker',
  optDemo: () => 'voeg synthetische demogegevens toe (verzonnen, geen echte personen)',
  askName: () => 'Naam van de kwartiermaker:',
  askEmail: () => 'E-mailadres van de kwartiermaker:',
  demoProgress: () => 'Demogegevens maken',
  created: (file: string) => `Gegevensbestand aangemaakt: ${file}`,
  quartermaster: (name: string, id: string) => `Kwartiermaker: ${name} (${id})`,
  reference: (regions: number, bottlenecks: number) => `Referentiegegevens: ${regions} regio’s, ${bottlenecks} knelpunten.`,
  demoAdded: (cases: number, signals: number) => `Demogegevens: ${cases} casussen, ${signals} signalen (verzonnen).`,
  next: () => 'Verder: „lla persoon toevoegen --help”, „lla casus lijst”, „lla --help”.',
} as const;
