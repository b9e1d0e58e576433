import cliProgress from 'cli-progress';

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

/**
 * A progress bar on stderr for long runs, only where a person watches: a TTY, and enough files to wait for.
 * Pipes, CI logs and tests get nothing, so stdout and captured stderr stay clean and deterministic.
 */
export function startProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  threshold = 20,
  label = '生成报告',
): Progress {
  if (!stream.isTTY || total < threshold) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} {file}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick(file) {
      bar.increment(1, { file });
    },
    stop() {
      bar.stop();
    },
  };
}
