import { Command } from 'commander';
import { registerDraftCommand } from './draft.js';
import { registerImportCommand } from './import.js';
import { registerMigrate } from './migrate.js';
import { registerProjectionCommands } from './projections.js';
import { registerReadModelCopy } from './read-model-copy.js';
import { registerVerifyCommand } from './verify.js';

/**
 * The `replika` command line: operator tasks beside the server. Each subcommand lives in its
 * own file under src/cli/ and registers itself here.
 */
const program = new Command()
  .name('replika')
  .description('Operator commands for the replika registry')
  .showHelpAfterError();

registerProjectionCommands(program);
registerImportCommand(program);
registerMigrate(program);
registerReadModelCopy(program);
registerVerifyCommand(program);
registerDraftCommand(program);

await program.parseAsync();
