/**
 * The starter plan written by `finetune-lint init`. Every value to write is a
 * `<FILL: …>` placeholder, which the linter reports (`unfilled-placeholder`)
 * until it is replaced; the comments walk the author through each question.
 */
export const STARTER_PLAN = `# finetune-plan.yaml — answer each question before any GPU time is spent.
# Replace every <FILL: …>; \`finetune-lint\` reports the ones left.
# The format: https://github.com/finetune-lint/finetune-lint#the-plan-format
# yaml-language-server: $schema=https://raw.githubusercontent.com/finetune-lint/finetune-lint/main/schemas/finetune-plan.schema.json
version: 1
name: "<FILL: short name of the experiment>"
owner: "<FILL: team or person accountable>"
base_model: "<FILL: the model to fine-tune, e.g. Qwen/Qwen2.5-7B-Instruct>"
method: lora   # sft lora qlora full dpo orpo kto simpo ppo grpo rm cpt kd other

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

/**
 * The starter plan in Simplified Chinese (`finetune-lint init --locale zh-CN`):
 * the same keys and structure, with Chinese comments and placeholders.
 */
export const STARTER_PLAN_ZH_CN = `# finetune-plan.yaml —— 在花费任何 GPU 时间之前，先回答下面每个问题。
# 把每个 <FILL: …> 替换成答案；\`finetune-lint\` 会报告尚未填写的占位符。
# 计划格式：https://github.com/finetune-lint/finetune-lint#the-plan-format
# yaml-language-server: $schema=https://raw.githubusercontent.com/finetune-lint/finetune-lint/main/schemas/finetune-plan.schema.json
version: 1
name: "<FILL: 实验的简短名称>"
owner: "<FILL: 负责的团队或个人>"
base_model: "<FILL: 要微调的模型，例如 Qwen/Qwen2.5-7B-Instruct>"
method: lora   # sft lora qlora full dpo orpo kto simpo ppo grpo rm cpt kd other

# 现在实际观察到的问题：写例子和数字，不要写愿望。
problem: "<FILL: 模型现在做了什么不该做的事，附上数字>"

# 这次训练只改变一种行为（一次训练一个目标），说明在评测集上如何测量，
# 以及达到多少算成功。行为指的是格式、语气、长度、拒答边界——
# 不是知识（请用检索增强 RAG），也不是基座模型不具备的能力（请换更强的模型）。
goals:
  - behavior: "<FILL: 要改变的那一种可观察的行为>"
    metric: "<FILL: 在评测集上如何测量>"
    target: "<FILL: 算作成功的数值，例如至少 0.9>"

# 模型的使用场景。医疗、金融、法律和客服场景需要不依赖模型表现的兜底措施。
domain: "<FILL: 模型将在哪里使用>"
risk:
  level: medium   # low | medium | high
  fallback:
    - type: human-review   # human-review rules refusal-policy rag escalation tiered-process other
      description: "<FILL: 由什么来兜住模型的错误>"

# 在同一评测集上测得的最好的纯提示词结果。如果它已经达到目标值，
# 直接上线提示词即可。
baselines:
  prompt:
    description: "<FILL: 你试过的最好的提示词>"
    results:
      "<FILL: 指标名称>": "<FILL: 测得的数值>"

data:
  train:
    path: "<FILL: 训练数据的路径，相对于本文件>"
    description: "<FILL: 样本是什么、从哪里来>"
  eval:   # 留出的评测集：绝不用于训练
    path: "<FILL: 评测数据的路径，相对于本文件>"
    description: "<FILL: 评测样本是如何挑选的>"

evaluation:
  # 模型现在处理得好、且不能变差的案例（回归评测）。
  regression:
    description: "<FILL: 需要保住的已有能力>"
  acceptance: "<FILL: 决定是否上线的规则>"

iteration:
  round: 1   # 从第 2 轮起，添加 previous: { report, findings }
`;

/** The starter plan of each locale. */
export const STARTER_PLANS = { en: STARTER_PLAN, 'zh-CN': STARTER_PLAN_ZH_CN } as const;
