// The console's two languages. Every label the console shows comes from here; messages from the
// API (a problem's title and detail) are shown as the API wrote them, in English, under a
// translated headline. The choice is kept in localStorage (it is a preference, not a secret).
import { ref, watchEffect } from 'vue';

const STORAGE = 'jifen.console.locale';

export const LOCALES = [
  { code: 'en', label: 'English', intl: 'en-GB' },
  { code: 'zh', label: '中文', intl: 'zh-CN' },
];

const en = {
  app: { name: 'Jifen console', skip: 'Skip to content' },
  lang: { label: 'Language' },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your merchant code and an API key issued to marketing or QA.',
    merchant: 'Merchant code',
    merchantHint: 'for example fresh-harbour',
    key: 'API key',
    keyHint: 'kept in this browser tab only, until you sign out or close it',
    submit: 'Sign in',
    busy: 'Signing in…',
    integratorRefused: 'This is an INTEGRATOR key. The console is for marketing and QA staff: sign in with a MARKETING or QA key.',
    unknownRole: 'This key\'s role ({role}) cannot use the console.',
  },
  session: { signOut: 'Sign out', role: 'Role', merchant: 'Merchant', you: 'you', expired: 'Your key is no longer accepted. Sign in again.' },
  roles: { MARKETING: 'Marketing', QA: 'QA', ADMIN: 'Platform admin', INTEGRATOR: 'Integrator' },
  nav: {
    label: 'Console pages',
    overview: 'Program overview',
    edit: 'Edit rules',
    compare: 'Compare versions',
    test: 'Test suites',
    tryIt: 'Try it',
    release: 'Release',
    members: 'Member lookup',
    impact: 'Impact simulation',
    campaigns: 'Campaigns',
    comingNext: 'coming next',
  },
  comingNext: {
    badge: 'Coming next',
    body: 'This page is not built yet. It is planned as part of the rule workbench:',
    edit: 'Start a draft from any version and edit DSLR, DRL and decision tables with live diagnostics from the server.',
    compare: 'Compare any two versions file by file and rule by rule.',
    test: 'Store regression suites, run them on a version, and compare live and draft on them.',
    tryIt: 'Dry-run a purchase or a member event on any version, or on two side by side.',
    release: 'Activate now or at a time, cancel a scheduled activation, roll back — gated by the stored suites.',
    members: 'Look up a member: balance, pending and expiring points, statement and tier history.',
    impact: 'Replay past transactions against a draft to see its impact before it goes live.',
    campaigns: 'Plan campaigns: theme, time window, audience, budget and results.',
  },
  platform: {
    title: 'Platform',
    body: 'You are signed in with a platform ADMIN key. The platform view (merchants, keys, audit) is coming next; until then use the API (docs/api.md).',
  },
  overview: {
    title: 'Program overview',
    loading: 'Loading the program…',
    refresh: 'Refresh',
    live: 'Live version',
    noLive: 'No version is live yet.',
    version: 'Version {n}',
    liveSince: 'live since {at}',
    activatedBy: 'activated by {who}',
    scheduled: 'Scheduled activations',
    noScheduled: 'Nothing is scheduled.',
    versions: 'Versions and drafts',
    noVersions: 'No version has been uploaded yet.',
    recent: 'Recent activations',
    noRecent: 'No activation yet.',
    col: {
      version: 'Version', status: 'Status', description: 'Description', files: 'Files', created: 'Created',
      by: 'By', state: 'State', effective: 'Effective', cancelled: 'Cancelled',
    },
    timeZoneNote: 'Times are in the merchant\'s time zone, {zone}.',
  },
  status: { DRAFT: 'Draft', SCHEDULED: 'Scheduled', ACTIVE: 'Live', INACTIVE: 'Inactive' },
  state: { PENDING: 'Pending', LIVE: 'Live', SUPERSEDED: 'Replaced', CANCELLED: 'Cancelled' },
  policy: {
    title: 'Points policy',
    edit: 'Edit policy',
    save: 'Save policy',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Points policy saved.',
    readOnly: 'Only marketing can change the policy.',
    rounding: 'Rounding of fractional points',
    stacking: 'Multiplier stacking',
    expiryRule: 'Points expire',
    expiryMonths: 'Expiry months',
    accountCap: 'Account cap (points)',
    dailyEarnCap: 'Daily earning cap (points)',
    pendingDays: 'Pending days (return window)',
    autoEnrol: 'Enrol unknown members on their first transaction',
    refundShortfall: 'When a refund takes back spent points',
    transfersEnabled: 'Members may transfer points',
    transferMin: 'Smallest transfer (points)',
    transferMax: 'Largest transfer (points)',
    tierOrder: 'Tiers, lowest first',
    tierOrderHint: 'comma-separated, e.g. REGULAR, SILVER, GOLD',
    tierPeriodMonths: 'Tier period (months)',
    balanceThresholds: 'Balance thresholds (points)',
    balanceThresholdsHint: 'comma-separated; crossing one emits an event',
    none: 'none',
    yes: 'yes',
    no: 'no',
    never: 'never',
    rules: {
      NEVER: 'Never',
      ROLLING_MONTHS: 'Months after they were earned',
      END_OF_MONTH_AFTER_MONTHS: 'At the end of the month, months after',
      END_OF_YEAR_AFTER_MONTHS: 'At the end of the year, months after',
    },
    stackings: { ADDITIVE: 'Additive', COMPOUND: 'Compound' },
    shortfalls: { TAKE_AVAILABLE: 'Take what is there', ALLOW_NEGATIVE: 'Allow a negative balance' },
    roundings: {
      DOWN: 'Drop fractions', UP: 'Round up', FLOOR: 'Floor', CEILING: 'Ceiling',
      HALF_UP: 'Half up', HALF_DOWN: 'Half down', HALF_EVEN: 'Half even',
    },
    notNumber: 'must be a whole number',
  },
  problem: {
    401: 'The API key was not accepted',
    403: 'This key may not do that',
    404: 'Not found',
    409: 'Conflict',
    413: 'Too large',
    422: 'The request was refused',
    503: 'The service is busy or unavailable',
    other: 'Something went wrong',
    network: 'The service could not be reached',
    notFoundMerchant: 'No merchant with that code is open to this key.',
    fields: 'Fields to correct',
  },
};

const zh = {
  app: { name: '积分控制台', skip: '跳到正文' },
  lang: { label: '语言' },
  signIn: {
    title: '登录',
    intro: '使用商户代码和发给市场或测试人员的 API 密钥登录。',
    merchant: '商户代码',
    merchantHint: '例如 fresh-harbour',
    key: 'API 密钥',
    keyHint: '只保存在本浏览器标签页中，退出或关闭标签页即清除',
    submit: '登录',
    busy: '正在登录…',
    integratorRefused: '这是系统对接（INTEGRATOR）密钥。控制台供市场和测试人员使用：请用 MARKETING 或 QA 密钥登录。',
    unknownRole: '此密钥的角色（{role}）不能使用控制台。',
  },
  session: { signOut: '退出', role: '角色', merchant: '商户', you: '您', expired: '您的密钥已不再有效，请重新登录。' },
  roles: { MARKETING: '市场', QA: '测试', ADMIN: '平台管理员', INTEGRATOR: '系统对接' },
  nav: {
    label: '控制台页面',
    overview: '方案概览',
    edit: '编辑规则',
    compare: '版本对比',
    test: '测试套件',
    tryIt: '试算',
    release: '发布',
    members: '会员查询',
    impact: '影响模拟',
    campaigns: '营销活动',
    comingNext: '即将推出',
  },
  comingNext: {
    badge: '即将推出',
    body: '此页面尚未完成，计划作为规则工作台的一部分：',
    edit: '从任一版本创建草稿，编辑 DSLR、DRL 和决策表，并实时获得服务器的诊断信息。',
    compare: '逐个文件、逐条规则地对比任意两个版本。',
    test: '保存回归测试套件，在某个版本上运行，并对比线上版本与草稿的结果。',
    tryIt: '在任一版本上试算一笔消费或会员事件，或在两个版本上并排试算。',
    release: '立即或定时生效、取消定时生效、回滚——以已保存的测试套件把关。',
    members: '查询会员：余额、待生效和即将过期的积分、流水与等级历史。',
    impact: '用历史交易回放草稿，在上线前看到它的影响。',
    campaigns: '策划营销活动：主题、时间、受众、预算与效果。',
  },
  platform: {
    title: '平台',
    body: '您正在使用平台 ADMIN 密钥。平台视图（商户、密钥、审计）即将推出；在此之前请使用 API（docs/api.md）。',
  },
  overview: {
    title: '方案概览',
    loading: '正在加载方案…',
    refresh: '刷新',
    live: '线上版本',
    noLive: '尚无线上版本。',
    version: '版本 {n}',
    liveSince: '自 {at} 起生效',
    activatedBy: '由 {who} 激活',
    scheduled: '定时生效',
    noScheduled: '没有定时生效的版本。',
    versions: '版本与草稿',
    noVersions: '尚未上传任何版本。',
    recent: '最近的生效记录',
    noRecent: '尚无生效记录。',
    col: {
      version: '版本', status: '状态', description: '说明', files: '文件', created: '创建时间',
      by: '操作者', state: '状态', effective: '生效时间', cancelled: '取消时间',
    },
    timeZoneNote: '时间按商户所在时区 {zone} 显示。',
  },
  status: { DRAFT: '草稿', SCHEDULED: '定时生效', ACTIVE: '线上', INACTIVE: '已停用' },
  state: { PENDING: '待生效', LIVE: '线上', SUPERSEDED: '已被替换', CANCELLED: '已取消' },
  policy: {
    title: '积分政策',
    edit: '编辑政策',
    save: '保存政策',
    saving: '正在保存…',
    cancel: '取消',
    saved: '积分政策已保存。',
    readOnly: '只有市场人员可以修改积分政策。',
    rounding: '积分小数取整方式',
    stacking: '倍数叠加方式',
    expiryRule: '积分过期规则',
    expiryMonths: '过期月数',
    accountCap: '账户积分上限',
    dailyEarnCap: '每日获得积分上限',
    pendingDays: '待生效天数（退货期）',
    autoEnrol: '未知会员首次交易时自动入会',
    refundShortfall: '退款需扣回已花掉的积分时',
    transfersEnabled: '允许会员之间转赠积分',
    transferMin: '单次转赠最少积分',
    transferMax: '单次转赠最多积分',
    tierOrder: '会员等级（从低到高）',
    tierOrderHint: '用逗号分隔，例如 REGULAR, SILVER, GOLD',
    tierPeriodMonths: '等级有效期（月）',
    balanceThresholds: '余额提醒阈值（积分）',
    balanceThresholdsHint: '用逗号分隔；余额越过阈值时发出事件',
    none: '无',
    yes: '是',
    no: '否',
    never: '永不过期',
    rules: {
      NEVER: '永不过期',
      ROLLING_MONTHS: '获得后满若干个月过期',
      END_OF_MONTH_AFTER_MONTHS: '若干个月后的月底过期',
      END_OF_YEAR_AFTER_MONTHS: '若干个月后的年底过期',
    },
    stackings: { ADDITIVE: '相加', COMPOUND: '相乘' },
    shortfalls: { TAKE_AVAILABLE: '扣除现有积分', ALLOW_NEGATIVE: '允许余额为负' },
    roundings: {
      DOWN: '舍去小数', UP: '向上取整', FLOOR: '向下取整（负数远离零）', CEILING: '向上取整（负数靠近零）',
      HALF_UP: '四舍五入', HALF_DOWN: '五舍六入', HALF_EVEN: '银行家舍入',
    },
    notNumber: '必须是整数',
  },
  problem: {
    401: 'API 密钥未被接受',
    403: '此密钥无权执行该操作',
    404: '未找到',
    409: '冲突',
    413: '内容过大',
    422: '请求被拒绝',
    503: '服务繁忙或不可用',
    other: '出错了',
    network: '无法连接到服务',
    notFoundMerchant: '此密钥无法访问该商户代码。',
    fields: '需要修改的字段',
  },
};

export const MESSAGES = { en, zh };

function initial() {
  const stored = localStorage.getItem(STORAGE);
  if (stored && MESSAGES[stored]) return stored;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const locale = ref(initial());

watchEffect(() => {
  localStorage.setItem(STORAGE, locale.value);
  document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
});

function lookup(dict, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), dict);
}

/** The label for {@code key} in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  let text = lookup(MESSAGES[locale.value], key);
  if (typeof text !== 'string') text = lookup(en, key); // a missing translation shows English, never the key
  if (typeof text !== 'string') return key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

export function intlLocale() {
  return LOCALES.find((l) => l.code === locale.value).intl;
}
