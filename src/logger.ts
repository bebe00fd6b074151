import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger };

/** Where log lines go; a terminal (`isTTY`) outside production gets readable lines. */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * JSON lines by default, for log collectors; readable, coloured lines when a person watches a
 * terminal in development. `output` defaults to stdout.
 */
export function createLogger(cfg: Pick<Config, 'logLevel' | 'env'>, output?: LogOutput): Logger {
  const options = {
    level: cfg.logLevel,
    base: { service: 'career-graph' },
    // Credentials can arrive in headers or variables; never let them reach a log line.
    redact: { paths: ['req.headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  };
  const out = output ?? process.stdout;
  if (out.isTTY === true && cfg.env !== 'production') {
    // sync: the last lines before process.exit (a failed start, "Stopped") must not be lost.
    const readable = pretty({
      destination: out,
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      // Startup facts are fields for collectors; the startup lines' text already says them.
      ignore: 'pid,hostname,service,startup',
    });
    return pino(options, readable);
  }
  return output ? pino(options, output) : pino(options);
}
