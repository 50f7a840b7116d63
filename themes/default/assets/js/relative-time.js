// Story times as news readers read them: "now", "5 minutes ago", "3 hours ago", "yesterday",
// in the page's language and digits. The server writes the exact date and time, which stays for
// readers without script and for stories older than a week, and which becomes the element's
// tooltip; `datetime` keeps the exact moment for machines.

const root = document.documentElement;
const locale = `${root.lang}-u-nu-${root.dataset.numbering === 'arab' ? 'arab' : 'latn'}`;
const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

// The text for a moment `ago` milliseconds back, or null to keep the exact date.
function relative(ago) {
  if (ago < -minute || ago >= 7 * day) return null; // the future: a clock set wrong
  if (ago < minute) return words.format(0, 'second');
  if (ago < hour) return words.format(-Math.floor(ago / minute), 'minute');
  if (ago < day) return words.format(-Math.floor(ago / hour), 'hour');
  return words.format(-Math.floor(ago / day), 'day');
}

function update() {
  const now = Date.now();
  for (const time of document.querySelectorAll('time[data-relative]')) {
    const at = Date.parse(time.dateTime);
    if (Number.isNaN(at)) continue;
    if (!time.title) time.title = time.textContent;
    const text = relative(now - at);
    time.textContent = text ?? time.title;
  }
}

update();
setInterval(update, minute);
