/** Slug lists shown in help texts and error messages of `lla casus`. */
export const slugs = (r: Record<string, string>) => Object.values(r).join(', ');

export const STATUS_SLUGS = 'gemeld, in-behandeling, bemiddeling-regio, geescaleerd-landelijk, bij-probleemeigenaar';
