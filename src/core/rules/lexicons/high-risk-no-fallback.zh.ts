import type { Lexicon } from '../lexicon.js';
import type { RiskDomain } from './high-risk-no-fallback.groups.js';

/** Chinese words that place a plan in a high-risk setting, on normalised text. */
const zh: Lexicon<RiskDomain> = {
  // 医疗：医院、患者、诊断、用药。
  medical: ['医疗|医院|医生|医师|护士|患者|病人|病患|临床|诊断|诊疗|分诊|导诊|问诊|症状|治疗|用药|药品|药物|处方|剂量|健康|体检|病历|心理咨询|精神科|门诊|急诊|制药|医药'],
  // 金融：银行、信贷、保险、投资、证券、支付、税务。
  finance: ['金融|银行|信贷|贷款|借贷|放贷|信用卡|保险|寿险|车险|财险|险种|保单|续保|投保|承保|理赔|核保|投资|理财|证券|股票|基金|期货|券商|支付|转账|征信|风控|反洗钱|税务|报税|财税|会计|审计|资管|信托|养老金'],
  // 法律：法律咨询、合同、诉讼、合规。
  legal: ['法律|法务|律师|律所|合同|诉讼|仲裁|法院|判决|合规|监管|法规|法条|知识产权|劳动争议|签证|移民'],
  // 面向客户的服务：客服、售后、呼叫中心。
  customerService: ['客服|客户服务|售后|呼叫中心|热线|工单|在线咨询|人工坐席|坐席|客诉|投诉处理'],
};

export default zh;
