/**
 * Warming up at idle. A freshly started server runs the core in V8's interpreter and compiles it while the
 * first few hundred checks go by: measured on the largest seed, the first ≈450 edits after start include
 * checks of 10–30 ms (compilation of the parser and the rules), while a warmed server answers in ≈2–3 ms.
 * So right after `initialized` the server checks a few built-in sample reports (both formats, the three
 * layouts, filled with numbers that do not add up and a narrative that cites them) in idle time, one check
 * per turn of the event loop, and stops at once whenever a real document waits. Nothing is published and
 * nothing is read from the workspace. Bounded by a number of checks and a wall-clock budget.
 */
import { renderSkeleton, type SkeletonLayout, type TemplateId } from '../core';

export interface WarmUpStatus {
  /** checks done */
  runs: number;
  /** finished (all checks done, budget spent or stopped) */
  done: boolean;
  /** milliseconds spent checking samples */
  busyMs: number;
}

export interface WarmUpOptions {
  /** true while a real document check is scheduled: the warm-up waits */
  busy: () => boolean;
  /** one check of a sample (lint and whatever the server does with a result) */
  work: (text: string) => void;
  /** at most this many checks (default 600) */
  maxRuns?: number;
  /** stop after this much wall-clock time (default 10 s) */
  maxWallMs?: number;
}

const NARRATIVE = [
  '本年度共主动公开政府信息1234条，其中政策文件56件、规划计划7件、工作动态1171条。',
  '全年共受理政府信息公开申请15件，其中予以公开8件、部分公开3件、不予公开2件、无法提供2件，均在法定期限内答复。',
  '本年度未发生因政府信息公开引起的行政复议和行政诉讼案件。',
  '一是加强组织领导；二是完善工作制度；三是强化监督考核，开展社会评议，落实责任追究。',
];

/** The sample reports: two formats × three layouts, every cell filled (the totals do not add up). */
export function warmUpSamples(): string[] {
  const out: string[] = [];
  const templates: [TemplateId, number][] = [
    ['2021', 2023],
    ['2019', 2020],
  ];
  const layouts: SkeletonLayout[] = ['cells', 'tabs', 'markdown'];
  for (const [template, year] of templates) {
    for (const layout of layouts) {
      let k = 0;
      const text = renderSkeleton(template, year, layout, '某某市某某局', () => String((k++ * 7) % 13));
      out.push(text.replace(/（请填写本年度主动公开工作情况。）/, NARRATIVE.join('\n')));
    }
  }
  return out;
}

export interface WarmUp {
  status(): WarmUpStatus;
  stop(): void;
}

export function startWarmUp(options: WarmUpOptions): WarmUp {
  const maxRuns = options.maxRuns ?? 600;
  const maxWallMs = options.maxWallMs ?? 10_000;
  const samples = warmUpSamples();
  const started = Date.now();
  const st: WarmUpStatus = { runs: 0, done: false, busyMs: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate: ReturnType<typeof setImmediate> | undefined;
  const finish = (): void => {
    st.done = true;
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = immediate = undefined;
  };
  const step = (): void => {
    timer = immediate = undefined;
    if (st.done) return;
    if (st.runs >= maxRuns || Date.now() - started > maxWallMs) return finish();
    if (options.busy()) {
      // a real check is waiting: it goes first; look again a little later
      timer = setTimeout(step, 20);
      return;
    }
    const a = performance.now();
    try {
      options.work(samples[st.runs % samples.length]);
    } catch {
      // the samples are fixed text: a failure here is a bug, and the real checks report it; stop warming up
      return finish();
    }
    st.busyMs += performance.now() - a;
    st.runs++;
    // one check per turn of the event loop: messages that arrived meanwhile are read before the next one
    immediate = setImmediate(step);
  };
  immediate = setImmediate(step);
  return { status: () => ({ ...st }), stop: finish };
}
