import { dataProtectionGateways } from './builtin-data-protection-gateways.ts';
import { childrensGateways } from './builtin-childrens-gateways.ts';
import { generalGateways } from './builtin-general-gateways.ts';
import type { Gateway } from './gateway.ts';

/**
 * The catalogue Tessera ships with, installed as version 1 into an empty database
 * (install-gateway-catalogue.ts). A system administrator replaces it by importing a workbook,
 * which makes a new version; this data is never edited in place at run time.
 */
export const builtInCatalogue: readonly Gateway[] = [
  ...childrensGateways,
  ...generalGateways,
  ...dataProtectionGateways,
];

export const BUILT_IN_CATALOGUE_NOTE = 'Built-in catalogue (DOMAIN.md section 1)';
