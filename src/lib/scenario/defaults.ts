/** The built-in rules of good To-B selling, added unless a scenario says `default_rules: no`. */
import { CHINESE_LINE_NAMES } from './chinese';
import type { DealSize, Language, Line, Rule, RuleCheck, RuleGroup } from './types';

export interface DefaultRuleContext {
	/** Lines that have at least one person. */
	lines: Set<Line>;
	size: DealSize;
	competitorHolds: Line | null;
	language: Language;
}

interface Wording {
	title: string;
	explanation: string;
}

interface DefaultRuleSpec {
	id: string;
	group: RuleGroup;
	check: RuleCheck;
	weight: number;
	/** Only `won`: a lost deal never passes, however well the process scored. */
	blocker?: boolean;
	applies: (context: DefaultRuleContext) => boolean;
	text: Record<Language, Wording>;
}

const hasLines =
	(...lines: Line[]) =>
	(context: DefaultRuleContext) =>
		lines.every((line) => context.lines.has(line));

const SPECS: DefaultRuleSpec[] = [
	{
		id: 'users-early',
		group: 'sequencing',
		check: { kind: 'in', act: { kind: 'line', line: 'user' }, stage: 'discovery' },
		weight: 10,
		applies: hasLines('user'),
		text: {
			en: {
				title: 'Meet the users during discovery',
				explanation:
					'Real needs come from the people who will use the product. Meeting them while the customer is still exploring lets you shape the requirements before anyone writes them down.'
			},
			zh: {
				title: '调研阶段接触用户',
				explanation:
					'真实的需求来自使用产品的人。在客户还在调研时接触用户，才能在需求写成文字之前影响它。'
			}
		}
	},
	{
		id: 'management-after-support',
		group: 'sequencing',
		check: {
			kind: 'only-when',
			act: { kind: 'line', line: 'management' },
			when: {
				clauses: [
					{
						kind: 'stance',
						party: { kind: 'line', line: 'user' },
						relation: 'at least',
						stance: 'supportive'
					},
					{
						kind: 'stance',
						party: { kind: 'line', line: 'technical' },
						relation: 'at least',
						stance: 'supportive'
					}
				],
				source: ['user at least supportive', 'technical at least supportive']
			}
		},
		weight: 15,
		applies: hasLines('user', 'technical', 'management'),
		text: {
			en: {
				title: 'Go to management with support behind you',
				explanation:
					'Managers ask what their users and their IT team think. Arrive once both lines back you, and the meeting confirms a decision instead of opening a question.'
			},
			zh: {
				title: '有了支持再见管理层',
				explanation:
					'管理层会先问用户和技术团队的意见。等这两条线都支持你再去，会面就是确认决定，而不是引出新的疑问。'
			}
		}
	},
	{
		id: 'procurement-before-tender',
		group: 'sequencing',
		check: {
			kind: 'before',
			first: [{ kind: 'line', line: 'procurement' }],
			then: { kind: 'stage', stage: 'tender' }
		},
		weight: 10,
		applies: hasLines('procurement'),
		text: {
			en: {
				title: 'Work with procurement before the tender',
				explanation:
					'Once the tender is out, the rules are fixed. Learn how purchasing will run it while you can still prepare for its conditions.'
			},
			zh: {
				title: '招标前接触采购',
				explanation: '招标文件一旦发出，规则就定了。趁还能准备的时候，先弄清采购会如何组织招标。'
			}
		}
	},
	{
		id: 'finance-before-tender',
		group: 'sequencing',
		check: {
			kind: 'before',
			first: [{ kind: 'line', line: 'finance' }],
			then: { kind: 'stage', stage: 'tender' }
		},
		weight: 10,
		applies: (context) => context.size === 'large',
		text: {
			en: {
				title: 'Learn the budget before the tender',
				explanation:
					'In a large deal the price is fixed in the bid. Talk to finance before the tender so your price fits the budget.'
			},
			zh: {
				title: '招标前了解预算',
				explanation: '大单的价格在投标时就定了。招标前先和财务沟通，报价才能落在预算之内。'
			}
		}
	},
	{
		id: 'regain-through-technical-and-procurement',
		group: 'sequencing',
		check: {
			kind: 'before',
			first: [
				{ kind: 'line', line: 'technical' },
				{ kind: 'line', line: 'procurement' }
			],
			then: { kind: 'line', line: 'management' }
		},
		weight: 10,
		applies: (context) => context.competitorHolds === 'management',
		text: {
			en: {
				title: 'Win the technical and procurement lines before facing management',
				explanation:
					'The competitor owns the management relationship. Going there first only confirms it; build your case with the technical and procurement lines, then bring it to management.'
			},
			zh: {
				title: '先拿下技术线和采购线，再见管理层',
				explanation:
					'竞争对手掌握着管理层的关系。先去只会让它更牢固；先在技术线和采购线建立优势，再带着它去见管理层。'
			}
		}
	},
	{
		id: 'technical-before-spec-freeze',
		group: 'coverage',
		check: {
			kind: 'stance-by',
			party: { kind: 'line', line: 'technical' },
			stance: 'supportive',
			by: 'tender'
		},
		weight: 15,
		applies: hasLines('technical'),
		text: {
			en: {
				title: 'Technical support before the specification freezes',
				explanation:
					'The specification is frozen when the tender goes out. If the technical line does not back you by then, the spec will be written for someone else.'
			},
			zh: {
				title: '规格冻结前获得技术线支持',
				explanation: '招标开始时规格就冻结了。如果那时技术线还不支持你，规格就会按别人的方案来写。'
			}
		}
	},
	{
		id: 'won',
		group: 'outcome',
		check: { kind: 'won' },
		weight: 30,
		blocker: true,
		applies: () => true,
		text: {
			en: {
				title: 'Win the deal',
				explanation:
					'Good process matters, and so does the result: a lost deal does not pass, however well it was played.'
			},
			zh: {
				title: '赢得订单',
				explanation: '过程重要，结果同样重要：丢掉的单子，过程再好也不算通过。'
			}
		}
	}
];

function workedSpec(line: Line): DefaultRuleSpec {
	const en = line;
	const zh = CHINESE_LINE_NAMES[line];

	return {
		id: `${line}-worked`,
		group: 'coverage',
		check: { kind: 'worked-by', line, times: 1, by: 'decision' },
		weight: 5,
		applies: hasLines(line),
		text: {
			en: {
				title: `Work the ${en} line before the decision`,
				explanation: `Every line with people has a say. Leaving the ${en} line untouched lets someone else speak for it.`
			},
			zh: {
				title: `决策前经营${zh}`,
				explanation: `每一条有人的线都有发言权。不去经营${zh}，就等于让别人替它说话。`
			}
		}
	};
}

function allSpecs(): DefaultRuleSpec[] {
	const worked = (['user', 'technical', 'management', 'procurement', 'finance'] as const).map(
		workedSpec
	);

	return [...SPECS.slice(0, -1), ...worked, SPECS[SPECS.length - 1]];
}

/** The default rules that apply to a scenario, in the order of the table in content/README.md. */
export function defaultRules(context: DefaultRuleContext): Rule[] {
	return allSpecs()
		.filter((spec) => spec.applies(context))
		.map((spec) => ({
			id: spec.id,
			group: spec.group,
			title: spec.text[context.language].title,
			check: structuredClone(spec.check),
			weight: spec.weight,
			blocker: spec.blocker ?? false,
			explanation: spec.text[context.language].explanation,
			isDefault: true
		}));
}
