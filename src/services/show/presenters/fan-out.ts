import type { Logger } from '../../../logger.js';
import type { RenderedImage } from '../../imagery/types.js';
import type { Performance, Tally } from '../../store/schemas.js';
import type { Frame } from '../frames.js';
import type { ActPresenter, AppealVerdict, FinaleImages, OpenOptions, PlayOptions } from '../presenter.js';

/**
 * One act, several presenters: every call goes to all of them at once. The primary (the Discord thread, the
 * terminal) owns the act: its failures end it and its ids are what the store keeps. A secondary (the exhibition
 * wall) that fails is logged and left behind, so a dark screen never closes a performance.
 */
export class FanOutPresenter implements ActPresenter {
  constructor(
    private readonly primary: ActPresenter,
    private readonly secondaries: readonly ActPresenter[],
    private readonly log: Logger,
  ) {}

  open(performance: Performance, options?: OpenOptions) {
    return this.all(performance, 'open', (p) => p.open(performance, options));
  }

  /** Only the primary's ids are remembered. */
  play(performance: Performance, frames: Frame[], signal: AbortSignal, options: PlayOptions = {}) {
    const { remember: _remember, ...others } = options;
    return this.all(performance, 'play', (p) =>
      p === this.primary ? p.play(performance, frames, signal, options) : p.play(performance, frames, signal, others),
    );
  }

  async refused(performance: Performance, frames: Frame[], signal: AbortSignal) {
    await this.all(performance, 'refused', (p) => p.refused(performance, frames, signal));
  }

  async note(performance: Performance, text: string) {
    await this.all(performance, 'note', (p) => p.note(performance, text));
  }

  async awaitRelease(performance: Performance, approved?: Frame) {
    await this.all(performance, 'awaitRelease', (p) => p.awaitRelease(performance, approved));
  }

  async awaitAppealDecision(performance: Performance) {
    await this.all(performance, 'awaitAppealDecision', (p) => p.awaitAppealDecision(performance));
  }

  finale(performance: Performance, images: FinaleImages, tally: Tally) {
    return this.all(performance, 'finale', (p) => p.finale(performance, images, tally));
  }

  verdict(performance: Performance, verdict: AppealVerdict, image?: RenderedImage) {
    return this.all(performance, 'verdict', (p) => p.verdict(performance, verdict, image));
  }

  async withdraw(performance: Performance) {
    await this.all(performance, 'withdraw', (p) => p.withdraw(performance));
  }

  async fail(performance: Performance, message: string) {
    await this.all(performance, 'fail', (p) => p.fail(performance, message));
  }

  private async all<T>(performance: Performance, step: string, call: (p: ActPresenter) => Promise<T>): Promise<T> {
    const others = this.secondaries.map(async (presenter) => {
      try {
        await call(presenter);
      } catch (err) {
        this.log.warn({ err, performanceId: performance.id, step }, 'a secondary presenter failed');
      }
    });
    try {
      return await call(this.primary);
    } finally {
      await Promise.all(others);
    }
  }
}
