// The Edit page's checks of a draft before it is saved.
export const en = {
  draftChecks: {
    title: 'Check the draft before saving',
    intro: 'Run the stored regression suites on this draft, or compare its rules with the live version. Nothing is saved.',
    runSuites: 'Run the stored suites on the draft',
    running: 'Running the suites…',
    compareLive: 'Compare with the live version',
    comparing: 'Comparing…',
    noSuites: 'There are no stored suites (Test suites page).',
    runSummary: 'On this draft: {passed} passed, {failed} failed of {scenarios} scenarios.',
    sameAsLive: 'The draft\'s rules are the same as version {n}\'s.',
    diffSummary: 'Against live version {n}: {changed} rules changed, {added} added, {removed} removed.',
    live: 'Live version {n}',
    draft: 'This draft',
    added: 'added: {name}',
    removed: 'removed: {name}',
    simulateSaved: 'Simulate the impact of version {n} on past transactions',
  },
};

export const zh = {
  draftChecks: {
    title: '保存前检查草稿',
    intro: '在此草稿上运行已保存的回归测试集，或将其规则与线上版本对比。不会保存任何内容。',
    runSuites: '在草稿上运行已保存的测试集',
    running: '正在运行测试集…',
    compareLive: '与线上版本对比',
    comparing: '正在对比…',
    noSuites: '没有已保存的测试集（见“测试集”页）。',
    runSummary: '此草稿上：通过 {passed} 个，未通过 {failed} 个，共 {scenarios} 个场景。',
    sameAsLive: '草稿的规则与版本 {n} 相同。',
    diffSummary: '与线上版本 {n} 相比：改动 {changed} 条规则，新增 {added} 条，删除 {removed} 条。',
    live: '线上版本 {n}',
    draft: '此草稿',
    added: '新增：{name}',
    removed: '删除：{name}',
    simulateSaved: '用历史交易模拟版本 {n} 的影响',
  },
};
