/**
 * Builds everything `index/` holds from the plan, the lexicon, (for the word bridge) CC-CEDICT and,
 * when given, (for the near meanings) word vectors. Without them, as at start-up, the near-meaning
 * table is left as index/ has it.
 */
import MiniSearch from 'minisearch';
import type { Plan } from '../../plan/plan-schema.js';
import { buildPlanWordBridge } from '../bridge/plan-word-bridge.js';
import { formatWordBridge } from '../bridge/word-bridge.js';
import { buildPlanDictionary } from '../dictionary/build-dictionary.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import { createTokenizer } from '../text/tokenize.js';
import { formatNearMeanings } from '../near/near-meanings.js';
import { buildPlanNearMeanings } from '../near/plan-near-meanings.js';
import type { WordVectors } from '../near/word-vectors.js';
import { computeInputsHash, INDEX_FORMAT_VERSION } from './index-inputs.js';
import type { IndexArtifacts } from './index-files.js';
import { indexOptions } from './index-options.js';
import { planDocuments } from './search-document.js';

export function buildIndexArtifacts(plan: Plan, lexicon: Lexicon, inputsHash = computeInputsHash(), vectors?: WordVectors): IndexArtifacts {
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
    ...(vectors ? { nearMeaningsText: formatNearMeanings(buildPlanNearMeanings({ documents, tokenize, lexicon, vectors, inputsHash })) } : {}),
  };
}
