import type { ImportField } from '../../../core/catalog/import/types.js';
import type { SmartPickSettings } from '../../../core/smartpick/settings-schema.js';
import type { ApiResponse } from './responses.js';

/** Response shapes of docs/api.md, read off the server's routes (responses.ts). */

export type Health = ApiResponse<'/health', '$get'>;

/** One page of the filtered catalog; `total` and `synthetic` count every match, not just the page. */
export type ProgramList = ApiResponse<'/programs', '$get'>;

/** Every program matching the filters, reduced to its place and label. */
export type ProgramMap = ApiResponse<'/programs/map', '$get'>;

/** What the map draws of a program (GET /api/programs/map). */
export type ProgramPoint = ProgramMap['items'][number];

export type DemoCatalogResult = ApiResponse<'/catalog/demo', '$post'>;

export interface ImportRequest {
  filename: string;
  contentBase64: string;
  mapping?: (ImportField | null)[];
}

export type ImportPreview = ApiResponse<'/imports/preview', '$post'>;

export type ImportRecord = ApiResponse<'/imports', '$post'>;

export type ProfileRecord = ApiResponse<'/profile', '$put'>;

/** SmartPick settings as stored by the server (docs/api.md, "SmartPick"): the core schema's type. */
export type { SmartPickSettings };

/** What the page sends to try settings without saving them. */
export type SmartPickOverride = Partial<SmartPickSettings>;
