import { existsSync } from 'node:fs';
import { runCli } from './cli/main.js';

// Variables already set in the environment win over the file.
if (existsSync('.env')) process.loadEnvFile('.env');
const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
process.exitCode = await runCli(process.argv.slice(2), io);
