/**
 * The starter plan written by `finetune-lint init`. Every value to write is a
 * `<FILL: …>` placeholder, which the linter reports (`unfilled-placeholder`)
 * until it is replaced; the comments walk the author through each question.
 */
export const STARTER_PLAN = `# finetune-plan.yaml — answer each question before any GPU time is spent.
# Replace every <FILL: …>; \`finetune-lint\` reports the ones left.
# The format: https://github.com/finetune-lint/finetune-lint#the-plan-format
version: 1
name: "<FILL: short name of the experiment>"
owner: "<FILL: team or person accountable>"
base_model: "<FILL: the model to fine-tune, e.g. Qwen/Qwen2.5-7B-Instruct>"
method: lora   # sft lora qlora full dpo orpo kto simpo ppo grpo other

# What goes wrong today, as observed: examples and numbers, not wishes.
problem: "<FILL: what the model does today that it should not, with a number>"

# ONE behaviour this run should change (one goal per run), how it is measured
# on the eval set, and the value that counts as success. A behaviour is a
# format, a tone, a length, a refusal boundary — not knowledge (use retrieval)
# and not a capability the base model lacks (use a stronger model).
goals:
  - behavior: "<FILL: the one observable behaviour that should change>"
    metric: "<FILL: how it is measured on the eval set>"
    target: "<FILL: the value that counts as success, e.g. at least 0.9>"

# Where the model is used. Medical, financial, legal and customer-service
# settings need controls that do not depend on the model behaving.
domain: "<FILL: where the model will be used>"
risk:
  level: medium   # low | medium | high
  fallback:
    - type: human-review   # human-review rules refusal-policy rag escalation tiered-process other
      description: "<FILL: what catches the model's mistakes>"

# The best prompt-only result, measured on the same eval set. If it already
# reaches the target, ship the prompt instead.
baselines:
  prompt:
    description: "<FILL: the best prompt you tried>"
    results:
      "<FILL: metric name>": "<FILL: measured value>"

data:
  train:
    path: "<FILL: path of the training data, relative to this file>"
    description: "<FILL: what the examples are and where they come from>"
  eval:   # held out: never used for training
    path: "<FILL: path of the eval data, relative to this file>"
    description: "<FILL: how the eval examples were chosen>"

evaluation:
  # Cases the model handles well today that must not get worse.
  regression:
    description: "<FILL: the existing abilities to protect>"
  acceptance: "<FILL: the rule that decides ship or no ship>"

iteration:
  round: 1   # from round 2 on, add previous: { report, findings }
`;
