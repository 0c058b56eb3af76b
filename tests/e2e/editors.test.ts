/** The shared editor contract (editor-contract.ts) on every page in EDITOR_FIXTURES, in one browser. */
import { EDITOR_FIXTURES } from './editor-fixtures';
import { editorContract, noStrayRequests } from './editor-contract';

for (const { page } of EDITOR_FIXTURES) editorContract(page);
noStrayRequests();
