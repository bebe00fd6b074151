import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

export function createLogger(cfg: Pick<Config, 'logLevel' | 'env'>): Logger {
  return pino({
    level: cfg.logLevel,
    base: { service: 'career-graph' },
    // Credentials can arrive in headers or variables; never let them reach a log line.
    redact: { paths: ['req.headers.authorization', '*.password', '*.token'], censor: '[redacted]' },
  });
}
