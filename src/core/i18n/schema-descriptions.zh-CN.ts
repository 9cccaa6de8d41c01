/**
 * The plan schema's field descriptions (`schemas/finetune-plan.schema.json`)
 * in Simplified Chinese, keyed by the English text; schema-error hints quote
 * them. A test checks that every description in the schema has one.
 */
export const schemaDescriptionsZhCN: Readonly<Record<string, string>> = {
  "A fine-tuning experiment plan, written before compute is spent: which behaviour of the model should change, and how the team will know. Keys starting with x- are free for a team's own use.":
    '微调实验计划，在花费算力之前写好：模型的哪种行为要改变，团队如何知道它变了。以 x- 开头的键留给团队自用。',
  "Free for a team's own use; finetune-lint ignores it.": '留给团队自用；finetune-lint 不检查它。',
  'The plan format version. Always 1 for this format.': '计划格式版本。本格式始终为 1。',
  'A short name for the experiment, in any language.': '实验的简短名称，任何语言都可以。',
  'Free text about the experiment.': '关于实验的自由文本。',
  'The team or person accountable for the run.': '对这次训练负责的团队或个人。',
  'The model that will be fine-tuned, as the trainer names it.': '要微调的模型，按训练工具中的名称填写。',
  'The fine-tuning method: how weights are trained (lora, qlora, full) or the training objective (sft, dpo, orpo, kto, simpo, ppo, grpo; rm = reward modelling, cpt = continued pre-training on plain text, kd = knowledge distillation).':
    '微调方法：权重如何训练（lora、qlora、full），或训练目标（sft、dpo、orpo、kto、simpo、ppo、grpo；rm = 奖励模型训练，cpt = 在纯文本上继续预训练，kd = 知识蒸馏）。',
  'What goes wrong today, as observed (with examples or numbers where you have them).': '现在实际观察到的问题（尽量附上例子或数字）。',
  'The behaviour this run should change. One goal per run: several goals blur into an average.':
    '这次训练要改变的行为。一次训练一个目标：多个目标会被学成模糊的平均。',
  'Where the model will be used (free text, one or several).': '模型的使用场景（自由文本，一个或多个）。',
  "The team's own risk rating and the controls that stay in place if the model misbehaves.": '团队自己的风险评级，以及模型出错时仍然有效的控制措施。',
  "The team's own risk rating.": '团队自己的风险评级。',
  'Controls that stay in place if the model misbehaves: human review, rules, a refusal policy, retrieval, escalation, a tiered process.':
    '模型出错时仍然有效的控制措施：人工审核、规则、拒答策略、检索、升级处理、分级流程。',
  'What has been measured without fine-tuning.': '不做微调时测得的结果。',
  'The best prompt-only result so far, measured on the eval set.': '目前最好的纯提示词结果，在评测集上测得。',
  'The retrieval (RAG) baseline, when knowledge is involved.': '涉及知识时的检索增强（RAG）基线。',
  'Training and evaluation data.': '训练数据和评测数据。',
  'The data the model is trained on.': '模型的训练数据。',
  'Path of the training data, relative to the plan file.': '训练数据的路径，相对于计划文件。',
  'What the training examples are and where they come from.': '训练样本是什么、从哪里来。',
  'How many training examples there are.': '训练样本的数量。',
  'Where the data comes from.': '数据的来源。',
  'Evaluation data, held out from training.': '评测数据，从训练数据中留出。',
  'Path of the evaluation data, relative to the plan file.': '评测数据的路径，相对于计划文件。',
  'What the evaluation examples are and how they were chosen.': '评测样本是什么、如何挑选的。',
  'How many evaluation examples there are.': '评测样本的数量。',
  'Whether the evaluation data is held out from training.': '评测数据是否从训练数据中留出。',
  'How the result is measured and what decides ship or no ship.': '如何测量结果，以及由什么决定是否上线。',
  'What is measured.': '测量哪些指标。',
  'The name of one measured metric.': '一个测量指标的名称。',
  'Cases that must not get worse: the abilities the model already has.': '不能变差的案例：模型已经具备的能力。',
  'Path of the regression cases, relative to the plan file.': '回归案例的路径，相对于计划文件。',
  'What the regression cases cover.': '回归案例覆盖哪些内容。',
  'The rule that decides ship or no ship.': '决定是否上线的规则。',
  'Runs or seeds per measurement, to tell a stable gain from luck.': '每次测量的运行次数或随机种子数，用来区分稳定的提升和运气。',
  "Where the eval set is run: by the trainer during training (trainer), or after training by a harness of the team's own (separate; name it in harness).": '评测集在哪里跑：训练工具在训练过程中跑（trainer），还是训练之后用团队自己的评测工具跑（separate；在 harness 里写明）。',
  'The harness that runs the evaluation after training, when it runs separately.': '评测单独进行时，训练之后运行评测的工具。',
  'Which round this is, and what the last round showed.': '这是第几轮，以及上一轮的结果说明了什么。',
  '1 for a first run.': '第一次训练为 1。',
  "What the last round's evaluation showed.": '上一轮评测发现了什么。',
  "Path or link of the last round's evaluation report.": '上一轮评测报告的路径或链接。',
  'The trainer used for the run.': '这次训练使用的训练工具。',
  'The training framework.': '训练框架。',
  "Path of the trainer's own config file, relative to the plan file.": '训练工具自身配置文件的路径，相对于计划文件。',
  'One behaviour the run should change, how it is measured, and what counts as success.': '这次训练要改变的一种行为、测量方式，以及怎样算成功。',
  "Constraints every reply for this goal must meet; data-contradicts-goal checks the training replies and the eval set's reference answers against them.":
    '这个目标的每条回复都必须满足的约束；data-contradicts-goal 用它们检查训练回复和评测集的参考答案。',
  'At most this many words per reply; each Chinese, Japanese or Korean character counts as one word.': '每条回复最多这么多词；每个中文、日文或韩文字符算一个词。',
  'At most this many characters per reply: every character counts as one (a Chinese character, a letter, a punctuation mark); white space does not count.':
    '每条回复最多这么多字：每个字符算一个（汉字、字母、标点），空白不计。',
  'At most this many sentences per reply.': '每条回复最多这么多句。',
  'json: every reply parses as a JSON object or array.': 'json：每条回复都能解析为 JSON 对象或数组。',
  'Path of a JSON Schema every reply must match, relative to the plan file.': '每条回复都必须符合的 JSON Schema 的路径，相对于计划文件。',
  'The language every reply is written in, told by its script (zh, ja, ko, en, ru, ar, …).': '每条回复所用的语言，按文字判断（zh、ja、ko、en、ru、ar 等）。',
  'A regular expression (or a list) every reply must match; run on a linear-time engine, so no backreferences or lookarounds.':
    '每条回复都必须匹配的正则表达式（或列表）；在线性时间引擎上运行，因此不能用反向引用和先行/后行断言。',
  'A regular expression (or a list) no reply may match; run on a linear-time engine, so no backreferences or lookarounds.':
    '任何回复都不得匹配的正则表达式（或列表）；在线性时间引擎上运行，因此不能用反向引用和先行/后行断言。',
  'A stable id for reports.': '用于报告的稳定 id。',
  'The observable behaviour that should change.': '要改变的可观察行为。',
  'How that behaviour is measured.': '这种行为如何测量。',
  'The value that counts as success.': '算作成功的数值。',
  'A control that stays in place if the model misbehaves: a sentence, or a mapping with a type and a description.':
    '模型出错时仍然有效的一项控制措施：一句话，或带 type 和 description 的映射。',
  'What kind of control it is.': '控制措施的类型。',
  'What the control does, and when.': '这项控制措施做什么、何时生效。',
  'What was tried.': '尝试了什么。',
  'Measured results: metric name to number or string.': '测得的结果：指标名称对应数字或字符串。',
  'Path of the prompt that was used, relative to the plan file.': '所用提示词的路径，相对于计划文件。',
};
