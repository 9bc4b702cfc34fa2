/**
 * The zod schemas of the wire methods, loaded on first need: a daemon started for a `send`
 * answers it with the quick checks alone (quick-params.ts) and never loads zod. The handlers
 * read their schema through paramSchemas(), which dispatch calls only once they are loaded.
 */
import type { ParamSchemas } from './param-schemas.ts';

let loaded: typeof ParamSchemas | undefined;
let loading: Promise<void> | undefined;

/** The schemas; only once loadParamSchemas() has settled (dispatch sees to it). */
export function paramSchemas(): typeof ParamSchemas {
  if (!loaded) throw new Error('the param schemas are not loaded yet');
  return loaded;
}

/** Whether the schemas are on their way but not here yet: requests meanwhile wait their turn. */
export function schemasLoading(): boolean {
  return loading !== undefined && loaded === undefined;
}

export function schemasLoaded(): boolean {
  return loaded !== undefined;
}

/** One load, however many ask; every caller resumes in the order it asked. A failed load is tried again by the next. */
export function loadParamSchemas(): Promise<void> {
  loading ??= import('./param-schemas.ts').then(
    (m) => {
      loaded = m.ParamSchemas;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
