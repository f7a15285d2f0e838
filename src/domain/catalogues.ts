/**
 * The error catalogues of the platform and of every module, merged by src/domain/errors.ts. A new
 * module adds its `src/domain/<module>/errors.ts` and one line here.
 */
import { PLATFORM_ERRORS } from './platform/errors.js';
import { ORG_UNIT_ERRORS } from './org-units/errors.js';
import { IDENTITY_ERRORS } from './identity/errors.js';
import { DATA_ENTRY_ERRORS } from './data-entry/errors.js';
import { APPROVAL_ERRORS } from './approval/errors.js';
import { IMPORT_EXPORT_ERRORS } from './import-export/errors.js';
import { INDICATOR_ERRORS } from './indicators/errors.js';
import { MAP_ERRORS } from './maps/errors.js';
import { FAVOURITE_ERRORS } from './favourites/errors.js';
import { EVALUATION_ERRORS } from './evaluation/errors.js';
import { SUPERVISION_ERRORS } from './supervision/errors.js';
import { FUNDS_ERRORS } from './funds/errors.js';
import { ASSISTANCE_ERRORS } from './assistance/errors.js';

export const CATALOGUES = [PLATFORM_ERRORS, ORG_UNIT_ERRORS, IDENTITY_ERRORS, DATA_ENTRY_ERRORS, APPROVAL_ERRORS, IMPORT_EXPORT_ERRORS, INDICATOR_ERRORS, MAP_ERRORS, FAVOURITE_ERRORS, EVALUATION_ERRORS, SUPERVISION_ERRORS, FUNDS_ERRORS, ASSISTANCE_ERRORS] as const;
