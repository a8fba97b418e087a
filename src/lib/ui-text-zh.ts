import { CHINESE_GROUP_NAMES, CHINESE_LINE_NAMES } from '$lib/scenario/chinese';
import type { UiText } from './ui-text';

const turn = (seq: number, label: string) => `第 ${seq} 步：${label}`;

/** The UI's words in Chinese, as a Chinese sales team says them. */
export const ZH: UiText = {
	vocabulary: {
		lines: CHINESE_LINE_NAMES,
		groups: CHINESE_GROUP_NAMES,
		sizes: { small: '小型项目', mid: '中型项目', large: '大型项目' }
	},
	briefing: {
		facts: (size, weeks, competitor) => `${size} · 距定标 ${weeks} 周 · 竞争对手：${competitor}`,
		briefing: '简报',
		whoIsWho: '人物关系',
		start: '开始这单'
	},
	play: {
		pageTitle: (title, week) => `${title} — 第 ${week} 周 — Five Lines`,
		weekOf: (week, weeks) => `第 ${week} 周 / 共 ${weeks} 周`,
		weeksLeft: (weeks) => `（剩余 ${weeks} 周）`,
		stages: '项目阶段',
		stageFrom: (week) => `第 ${week} 周起`,
		turn,
		turnPlace: (lineLabel, week) => `${lineLabel} · 第 ${week} 周`,
		firstMove: '你的第一步',
		firstMoveHint: '每条线都在等你。先决定找谁谈。',
		close: '推动成交',
		storySoFar: '前情回顾',
		stanceChange: (name, from, to) => `${name}：${from} → ${to}`,
		learned: (intel) => `获悉：${intel}`
	},
	line: {
		influence: (influence) => `影响力 ${influence}/5`,
		cares: (cares) => `关注：${cares}`,
		intel: '已掌握的情况',
		moves: '可选行动',
		cost: (weeks) => `${weeks} 周`,
		with: (name) => `对象：${name}`,
		played: (times) => (times === 1 ? '已做过' : `已做 ${times} 次`)
	},
	debrief: {
		title: (title) => `复盘：${title}`,
		result: { won: '赢单', lost: '丢单' },
		endedAt: (seq, week, weeks) => `这单在第 ${seq} 步结束，用时 ${week} 周（共 ${weeks} 周）。`,
		score: '得分',
		points: (earned, possible, passMark) =>
			`得 ${earned} 分，满分 ${possible} 分。及格线 ${passMark} 分：`,
		passed: '通过',
		notPassed: '未通过',
		blockersFailed: '有一票否决项没过，无论得分多少，本次都不通过：',
		ruleByRule: '逐条规则',
		lineByLine: '各线时间线',
		lineByLineHint: '每一行是客户的一条线；空着的一段，就是这条线被晾在一边的时间。',
		coachNotes: '教练点评',
		playAgain: '再玩一次',
		backToScenarios: '返回场景列表'
	},
	rules: {
		groupPoints: (earned, possible) => `${earned} / ${possible} 分`,
		rule: '规则',
		verdict: '结论',
		points: '得分',
		decidedBy: '判定依据',
		judgedAt: '判定时点',
		blocker: '一票否决',
		whyItMatters: '为什么这条规则重要',
		passed: '✓ 通过',
		failed: '✗ 未通过',
		untested: '– 未经检验',
		turn,
		noMove: '无相关行动'
	},
	timeline: {
		caption: '各线行动（按步）',
		line: '条线',
		week: (week) => `第 ${week} 周`
	},
	refusals: {
		unreadableForm: '无法读取表单。请刷新页面后重试。',
		noTurnNumber: '这次行动没有有效的步数。',
		noMove: '表单里没有指明行动。',
		unknownMove: (id) => `这单里没有行动“${id}”。`,
		outOfDate: '页面已过期，这一步没有执行。下面是这单的最新情况。'
	},
	replay: {
		title: (title) => `回放：${title}`,
		steps: '本次练习的各步',
		stepOf: (step, total) => `第 ${step} 步 / 共 ${total} 步`,
		start: '开局之前',
		first: '开局',
		previous: '上一步',
		next: '下一步',
		last: '最后一步',
		noMoveYet: '还没有任何行动：这是学员接手时的局面。',
		nothingChanged: '这一步没有改变任何人的态度，也没有获得新情况。',
		standing: '当前局面',
		stage: (stage) => `阶段：${stage}`,
		line: '条线',
		person: '人物',
		wholeLine: '整条线',
		stance: '态度',
		intel: '学员已掌握的情况',
		noIntel: '暂无。',
		rulesDecided: '这一步判定的规则',
		noRulesDecided: '这一步没有判定任何规则。',
		rulesAtEnd: '到结局时判定的规则',
		notScored: '这次练习尚未结束，还没有判定任何规则。'
	},
	reviewNotes: {
		heading: '评审意见',
		wholeAttempt: '针对整次练习',
		onMoves: '针对具体某一步',
		byLine: (name, time) => `${name}，${time}`,
		overrideHeading: '评审调整后的得分',
		override: (score, original, name, time) =>
			`现行得分为 ${score}，取代系统计算的 ${original}；由 ${name} 于 ${time} 调整。`,
		reason: (reason) => `理由：${reason}`,
		openReview: '打开评审页',
		computed: (display, earned, possible) =>
			`按规则计算的得分为 ${display}（得 ${earned} 分，满分 ${possible} 分）。`,
		overridePass: (passMark) => `及格线 ${passMark} 分，按评审调整后的得分判定：`,
		timesIn: (timeZone) => `时间均按 ${timeZone} 时区显示。`,
		blockersOverridden:
			'一票否决项本会使本次不通过，但现行的是评审调整后的得分，是否通过只按该得分判定。没过的否决项：'
	}
};
