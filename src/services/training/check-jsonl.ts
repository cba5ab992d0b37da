import { z } from 'zod';

/** OpenAI refuses a training file with fewer examples than this. */
export const MIN_FINETUNE_EXAMPLES = 10;

const chatExample = z.object({
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) }))
    .min(2)
    .refine((messages) => messages.at(-1)?.role === 'assistant', 'the last message must be the assistant’s'),
});

export interface JsonlCheck {
  examples: number;
  problems: { line: number; message: string }[];
}

/**
 * Checks a chat fine-tuning file before it is uploaded, so a mistake costs a second here rather than a failed
 * job at OpenAI minutes later: every line one JSON object with `messages` ending in the assistant's answer.
 */
export function checkChatJsonl(text: string): JsonlCheck {
  const problems: JsonlCheck['problems'] = [];
  let examples = 0;
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not valid JSON' });
      continue;
    }
    const parsed = chatExample.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ line: i + 1, message: `${issue?.path.join('.') || 'example'}: ${issue?.message}` });
      continue;
    }
    examples++;
  }
  return { examples, problems };
}
