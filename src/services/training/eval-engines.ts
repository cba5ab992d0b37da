import type { CensorEngineName } from '../../config.js';
import { UserFacingError } from '../../errors.js';
import { ModelCensor, type Rewriter } from '../censor/model-censor.js';
import { censorBrief } from '../censor/pipeline.js';
import type { CensorModel, CensorResult } from '../censor/types.js';
import {
  assertEngineReady,
  createCensorModel,
  createCensorRewriter,
  type EngineDeps,
  retryPolicyFrom,
} from '../engines.js';

/** What an engine under evaluation answered: the show's result and prompt, and the model's own words. */
export interface EngineAnswer {
  result: CensorResult;
  prompt: string;
  /** A hosted model's answer exactly as it came back, before the guard and the lexicon's rescan. */
  raw?: string;
}

/** An engine under evaluation. `label` tells apart two runs of one engine (`openai`, `openai=ft:…`). */
export interface EvalEngine {
  name: CensorEngineName;
  label: string;
  censor(brief: string, style: string): Promise<EngineAnswer>;
}

/** `lexicon`, `openai`, or a hosted engine with another model: `openai=ft:gpt-4o-mini-2024-07-18:org:censor:abc`. */
export interface EngineSpec {
  name: CensorEngineName;
  model?: string;
}

/** An engine that runs a censor model exactly as the show does. */
export function modelEngine(model: CensorModel, label: string = model.name): EvalEngine {
  return { name: model.name, label, censor: (brief, style) => censorBrief(model, { brief, style }) };
}

/**
 * Builds an engine to evaluate. The lexicon runs as on stage. A hosted engine runs through the same censor as on
 * stage (block check, retries, guard, rescan, diff), with its model's raw answer recorded on the way: that raw
 * answer is where the original project's habits show (gibberish numbers, terms let through), before the guard
 * and the rescan hide them from the audience. A missing key is refused here, before any work.
 */
export function createEvalEngine(spec: EngineSpec, deps: EngineDeps): EvalEngine {
  const label = spec.model ? `${spec.name}=${spec.model}` : spec.name;
  if (spec.name === 'lexicon') {
    if (spec.model) throw new UserFacingError('the lexicon engine has no model to choose');
    return modelEngine(createCensorModel('lexicon', deps), label);
  }
  assertEngineReady('censor', spec.name, deps.config);
  const rewriter = createCensorRewriter(spec.name, deps, spec.model);
  return {
    name: spec.name,
    label,
    async censor(brief, style) {
      let raw: string | undefined;
      const recording: Rewriter = {
        name: rewriter.name,
        rewrite: async (prompt, signal) => {
          raw = await rewriter.rewrite(prompt, signal);
          return raw;
        },
      };
      const censor = new ModelCensor({
        rewriter: recording,
        lexicon: deps.lexicon,
        style,
        retry: retryPolicyFrom(deps.config),
        log: deps.log,
      });
      const answer = await censorBrief(censor, { brief, style });
      return raw === undefined ? answer : { ...answer, raw };
    },
  };
}
