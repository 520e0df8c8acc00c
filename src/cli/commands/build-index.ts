import { INDEX_DIR } from '../../core/paths.js';
import { loadPlan } from '../../core/plan/load-plan.js';
import { buildIndexArtifacts } from '../../core/search/index/build-search-index.js';
import { writeIndexFiles } from '../../core/search/index/index-files.js';
import { loadLexicon } from '../../core/search/lexicon/load-lexicon.js';
import { EXIT } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `build-index`: rebuilds `index/` from the seeds and the lexicons. */
export const buildIndexCommand: CliCommand = ({ io }) => {
  const started = performance.now();
  const artifacts = buildIndexArtifacts(loadPlan(), loadLexicon());
  writeIndexFiles(INDEX_DIR, artifacts);
  const { manifest } = artifacts;
  writeLine(io.stdout, `index/ written: ${manifest.documents} documents, ${manifest.dictionaryWords} dictionary words, ${manifest.names.length} names, ${manifest.phrases.length} phrases (${Math.round(performance.now() - started)} ms)`);
  return EXIT.ok;
};
