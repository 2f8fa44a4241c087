// The status line while the engine and knowledge file load: shown only when
// loading is slow enough to notice, with a percentage once one is known; and
// what it says when loading fails.
import { LOAD_ERROR } from './engine-loader.js';
import { format } from './i18n.js';

export const PROGRESS_DELAY_MS = 300;

// What the status line says when loading fails, by the loader's error kind.
export const LOAD_ERROR_STRING = {
  [LOAD_ERROR.modelMissing]: 'errorModelMissing',
  [LOAD_ERROR.modelCorrupt]: 'errorModelCorrupt',
  [LOAD_ERROR.engine]: 'errorEngine',
  [LOAD_ERROR.integrity]: 'errorIntegrity',
};

export function showProgress(view, strings) {
  let fraction = null;
  let done = false;
  const show = () => {
    if (done) return;
    const text = fraction === null ? strings().loading : format(strings().loadingPercent, { percent: Math.round(fraction * 100) });
    view.setStatus('loading', text);
  };
  const timer = setTimeout(show, PROGRESS_DELAY_MS);
  return {
    update(value) {
      fraction = value;
      if (view.status.dataset.kind === 'loading') show();
    },
    stop() {
      done = true;
      clearTimeout(timer);
    },
  };
}
