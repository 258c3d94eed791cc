/** Messages between bench/run.ts and the server process it forks (bench/server.ts). */

export type ToServer =
  /** Counters since start: SQL statements sent, CPU time used (user + system). */
  | { id: number; cmd: 'stats' }
  /** process.memoryUsage(), after a full GC when asked and available; resets the RSS peak. */
  | { id: number; cmd: 'memory'; gc: boolean }
  | { id: number; cmd: 'stop' };

export type FromServer =
  | { cmd: 'ready'; url: string; key: string }
  | { id: number; cmd: 'stats'; statements: number; cpuMicros: number }
  | { id: number; cmd: 'memory'; usage: NodeJS.MemoryUsage; peakRss: number; gcAvailable: boolean }
  | { id: number; cmd: 'stop' };
