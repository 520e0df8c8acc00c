/** Builds everything `index/` holds from the plan, the lexicon and (for the word bridge) CC-CEDICT. */
import MiniSearch from 'minisearch';
import type { Plan } from '../../plan/plan-schema.js';
import { buildPlanWordBridge } from '../bridge/plan-word-bridge.js';
import { formatWordBridge } from '../bridge/word-bridge.js';
import { buildPlanDictionary } from '../dictionary/build-dictionary.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import { createTokenizer } from '../text/tokenize.js';
import { computeInputsHash, INDEX_FORMAT_VERSION } from './index-inputs.js';
import type { IndexArtifacts } from './index-files.js';
import { indexOptions } from './index-options.js';
import { planDocuments } from './search-document.js';

export function buildIndexArtifacts(plan: Plan, lexicon: Lexicon, inputsHash = computeInputsHash()): IndexArtifacts {
  const dictionary = buildPlanDictionary(plan, lexicon);
  const { tokenize } = createTokenizer(new Set(dictionary.words));
  const miniSearch = new MiniSearch(indexOptions(tokenize));
  const documents = planDocuments(plan);
  miniSearch.addAll(documents);
  const bridge = buildPlanWordBridge(documents.map((d) => tokenize(d.text)));
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      inputsHash,
      documents: documents.length,
      dictionaryWords: dictionary.words.length,
      names: dictionary.names,
      phrases: dictionary.phrases,
      bridgeWords: bridge.size,
    },
    searchIndexJson: JSON.stringify(miniSearch),
    dictionaryText: dictionary.text,
    wordBridgeText: formatWordBridge(bridge),
  };
}
