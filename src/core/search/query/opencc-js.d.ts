/**
 * opencc-js ships its dictionaries as separate modules (`opencc-js/from/tw`, `opencc-js/to/cn`)
 * without type declarations for those paths; importing only the two needed keeps the other
 * locales' tables out of memory.
 */
declare module 'opencc-js/from/tw' {
  import type { DictGroup } from 'opencc-js/core';

  const dictionaries: readonly DictGroup[];
  export default dictionaries;
}

declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';

  const dictionaries: readonly DictGroup[];
  export default dictionaries;
}
