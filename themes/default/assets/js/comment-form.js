// The comment form's enhancements: the live characters-left counter and the security-check
// widget. The form works without this script; only the widget needs it, and readers without it
// are asked a question instead.

const language = document.documentElement.lang;

// Counted as the server counts: Unicode code points, with line breaks as one character.
function length(text) {
  let n = 0;
  for (const _ of text.replace(/\r\n/g, '\n')) n++;
  return n;
}

for (const field of document.querySelectorAll('textarea[data-limit]')) {
  const limit = Number(field.dataset.limit);
  const counter = document.getElementById(`${field.id}-counter`);
  const live = document.getElementById(`${field.id}-live`);
  const messages = JSON.parse(field.dataset.messages);
  const digits = new Intl.NumberFormat(language, {
    numberingSystem: field.dataset.digits,
    useGrouping: false,
  });
  const plural = new Intl.PluralRules(language);
  const describe = () => {
    const left = limit - length(field.value);
    const count = Math.abs(left);
    const text = messages[left >= 0 ? 'left' : 'over'][plural.select(count)]
      .replace('{count}', digits.format(count));
    counter.textContent = text;
    counter.classList.toggle('field__counter--over', left < 0);
    return text;
  };
  let pause;
  field.addEventListener('input', () => {
    const text = describe();
    // Screen readers hear the count once typing pauses, not at every key.
    clearTimeout(pause);
    pause = setTimeout(() => { live.textContent = text; }, 700);
  });
  describe();
  counter.hidden = false;
}

// After a refused submission, take the reader straight to the list of what to fix; after a sent
// one, to the confirmation, so that a screen reader says it (a status already on the page when
// it loads is not announced). Only once the page has loaded: the browser's jump to #comment-form
// would otherwise take the focus back.
const landing = document.getElementById('comment-form-summary') ?? document.getElementById('comment-form-notice');
if (landing) {
  if (document.readyState === 'complete') landing.focus();
  else window.addEventListener('load', () => landing.focus(), { once: true });
}

// The security check's widget (82 KB of script and its stylesheet) loads only for a reader who
// starts on the form: most readers never comment. Once.
const vendor = new URL('../vendor/altcha/', import.meta.url);
let widgetLoaded = null;
function loadWidget() {
  widgetLoaded ??= (async () => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('altcha.css', vendor).href;
    document.head.append(style);
    await import(new URL('altcha.min.js', vendor).href);
    // The widget's strict-CSP build ships no workers of its own: register the one our challenges use.
    globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker(new URL('pbkdf2.js', vendor)));
    if (language.startsWith('ar')) await import(new URL('i18n/ar.js', vendor).href);
    await customElements.whenDefined('altcha-widget');
  })();
  return widgetLoaded;
}

// The form has `novalidate` (errors come from the server, in the site's language), which also
// silences the widget's own guard: a reader who sends while the check is still working (or after
// it expired, or before the widget has loaded) waits for it, and hears why, instead of being
// told to do it again. Should the widget fail to load, the form is sent without it and the
// server asks its question instead.
for (const widget of document.querySelectorAll('form altcha-widget')) {
  const form = widget.closest('form');
  const live = document.getElementById('comment-check-live');
  let waiting = null;  // the button the reader pressed, while the check finishes
  let unavailable = false;
  const stopWaiting = () => {
    waiting?.removeAttribute('aria-busy');
    waiting = null;
  };
  const send = () => {
    const button = waiting;
    stopWaiting();
    form.requestSubmit(button);
  };
  // One check at a time: verify() only changes the state once it has fetched its challenge, and
  // a second call meanwhile would start another that supersedes (and fails) the first.
  let asked = false;
  const check = () => {
    const state = widget.getState();
    if (asked || (state !== 'unverified' && state !== 'expired')) return;
    asked = true;
    widget.verify();
  };
  const start = () => loadWidget().then(() => {
    // The widget starts its check when the form gains focus ("onfocus"); the focus that made it
    // load came before it could listen.
    if (form.contains(document.activeElement)) check();
  }, () => {
    unavailable = true;
    if (waiting) send();
  });
  widget.addEventListener('statechange', (event) => {
    asked = false;
    if (!waiting) return;
    const { state } = event.detail ?? {};
    if (state === 'verified') send();
    else if (state === 'error' || state === 'expired') stopWaiting();  // the widget says what went wrong
  });
  form.addEventListener('focusin', start, { once: true });
  // A reader back from a refusal has started already.
  if (document.getElementById('comment-form-summary')) start();
  form.addEventListener('submit', (event) => {
    const state = widget.getState?.();  // undefined until the widget has loaded
    if (unavailable || state === 'verified' || state === 'error') return;  // an error: the server asks a question
    event.preventDefault();
    if (waiting) return;  // already waiting: one send, however often the button is pressed
    waiting = event.submitter ?? form.querySelector('button[type=submit]');
    waiting.setAttribute('aria-busy', 'true');
    if (live) live.textContent = form.dataset.checkFinishing ?? '';
    start().then(() => {
      if (!waiting) return;
      if (widget.getState() === 'verified') send();
      else check();
    });
  });
}
