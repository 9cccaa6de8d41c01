import { closest } from '../text-distance.js';

/**
 * Plan keys are English; a plan written in Chinese sometimes names them in
 * Chinese (`目标:`, `指标:`). These are the Chinese words for each key, so that
 * an unknown key written so gets "did you mean" the English one. A word may
 * name several keys (目标: `goals` at the top, `target` in a goal): the one
 * allowed where the key stands is chosen.
 */
const CHINESE_KEY_NAMES: Readonly<Record<string, readonly string[]>> = {
  版本: ['version'],
  名称: ['name'],
  名字: ['name'],
  实验名称: ['name'],
  描述: ['description'],
  说明: ['description'],
  负责人: ['owner'],
  负责团队: ['owner'],
  基座模型: ['base_model'],
  基础模型: ['base_model'],
  基模型: ['base_model'],
  模型: ['base_model'],
  方法: ['method'],
  微调方法: ['method'],
  训练方法: ['method'],
  问题: ['problem'],
  问题描述: ['problem'],
  目标: ['goals', 'target'],
  目标值: ['target'],
  行为: ['behavior'],
  指标: ['metric', 'metrics'],
  评测指标: ['metric', 'metrics'],
  检查: ['checks'],
  领域: ['domain'],
  场景: ['domain'],
  应用场景: ['domain'],
  风险: ['risk'],
  风险等级: ['level'],
  级别: ['level'],
  等级: ['level'],
  兜底: ['fallback'],
  兜底措施: ['fallback'],
  类型: ['type'],
  基线: ['baselines'],
  提示词: ['prompt'],
  提示词基线: ['prompt'],
  结果: ['results'],
  数据: ['data'],
  训练集: ['train'],
  训练数据: ['train'],
  评测集: ['eval'],
  验证集: ['eval'],
  测试集: ['eval'],
  路径: ['path'],
  来源: ['source'],
  样本数: ['examples'],
  评测: ['evaluation'],
  评估: ['evaluation'],
  回归: ['regression'],
  回归集: ['regression'],
  验收标准: ['acceptance'],
  迭代: ['iteration'],
  轮次: ['round'],
  上一轮: ['previous'],
  报告: ['report'],
  发现: ['findings'],
  训练: ['training'],
  训练配置: ['config'],
  配置: ['config'],
  框架: ['framework'],
};

/**
 * The key to suggest for an unknown `key` where `allowed` are the keys the
 * schema allows: the nearest by spelling, else the English key a Chinese key
 * name means. The schema message and the editor's rename quick fix both use it.
 */
export function suggestedKey(key: string, allowed: readonly string[]): string | undefined {
  return closest(key, allowed) ?? englishKeyFor(key, allowed);
}

/** The English key allowed here that a Chinese key name means, if any. */
export function englishKeyFor(key: string, allowed: readonly string[]): string | undefined {
  const names = Object.prototype.hasOwnProperty.call(CHINESE_KEY_NAMES, key.trim()) ? CHINESE_KEY_NAMES[key.trim()]! : [];
  return names.find((name) => allowed.includes(name));
}
