# Jifen 积分规则词汇（简体中文）：与 loyalty.dsl 一一对应，展开后的规则完全相同。
# DSLR 文件用 `expander loyalty-zh.dsl` 使用它。
# 较长的句子在前：一个句子不能被以同样文字开头的较短句子先匹配。
# {变量} 两侧留空格或文字，不要紧跟英文逗号（Drools 的 DSL 解析器会拒绝整个文件）。
#
# ---- 规则头（只在规则名与 when 之间生效）----
[keyword]阶段 {phase}=ruleflow-group "{phase}"
[keyword]同组 {group} 只取一条=activation-group "{group}"
[keyword]优先级 {priority}=salience {priority}
[keyword]属于活动 {campaign}=@campaign("{campaign}")
#
# ---- 条件：消费 ----
[when]有一行商品属于类别 {category}=$line : LineItem(category == "{category}")
[when]有一行商品属于以下类别之一 {categories}=$line : LineItem(category in ({categories}))
[when]有一行商品=$line : LineItem()
[when]订单金额不低于 {amount} 且低于 {limit}=Purchase(total >= {amount}, total < {limit})
[when]订单金额不低于 {amount}=Purchase(total >= {amount})
[when]消费渠道为 {channel}=Purchase(channel == "{channel}")
[when]有一笔消费=Purchase()
#
# ---- 条件：会员事件 ----
[when]会员事件为 {type}=$event : MemberEvent(type == "{type}")
[when]会员今天的 {type} 事件少于 {count} 次=MemberActivity(eventsToday("{type}") < {count})
[when]会员本月的 {type} 事件少于 {count} 次=MemberActivity(eventsThisMonth("{type}") < {count})
#
# ---- 条件：会员 ----
[when]会员等级为 {tier}=Member(tier == "{tier}")
[when]会员等级不是 {tier}=Member(tier != "{tier}")
[when]会员的定级消费不低于 {amount} 且低于 {limit}=MemberActivity(qualifyingSpend >= {amount}, qualifyingSpend < {limit})
[when]会员的定级消费不低于 {amount}=MemberActivity(qualifyingSpend >= {amount})
[when]会员的定级消费低于 {amount}=MemberActivity(qualifyingSpend < {amount})
# 接入方为会员设置的属性（城市、渠道、学校……）；没有设置的属性读作 ""
[when]会员属性 {attribute} 为以下之一 {values}=Member(attribute("{attribute}") in ({values}))
[when]会员属性 {attribute} 为 {value}=Member(attribute("{attribute}") == "{value}")
[when]今天是会员生日=$calendar : ProgramCalendar() and Member(isBirthday($calendar.date))
#
# ---- 条件：日历（商户当地时间）----
[when]今天是每月第 {day} 日=ProgramCalendar(dayOfMonth == {day})
[when]今天在 {from} 与 {to} 之间=ProgramCalendar(isBetween("{from}", "{to}"))
[when]今天是 {month} 月且不早于 {day} 日=ProgramCalendar(month == {month}, dayOfMonth >= {day})
[when]今天是每周第 {day} 天=ProgramCalendar(dayOfWeek == {day})
#
# ---- 条件：积分商城询价 ----
[when]商品类型为 {type} 且其 {attribute} 为 {value}=QuoteRequest(item.type == "{type}", item.attribute("{attribute}") == "{value}")
[when]商品类型为 {type} 且有现金价=QuoteRequest(item.type == "{type}", item.cashPrice != null)
[when]商品类型为 {type}=QuoteRequest(item.type == "{type}")
[when]商品类别为 {category}=QuoteRequest(item.category == "{category}")
[when]商品积分价不低于 {points} 分=QuoteRequest(item.basePoints >= {points})
[when]有一个兑换询价=QuoteRequest()
#
# ---- 动作 ----
[then]每消费 {unit} 元积 {points} 分 因为 {reason}=actions.pointsPerUnit({points}, {unit}, "{reason}");
[then]该行不积分 因为 {reason}=actions.excludeLine($line, "{reason}");
[then]该行按基础积分的 {factor} 倍积分 因为 {reason}=actions.lineMultiplier($line, {factor}, "{reason}");
[then]基础积分乘以 {factor} 倍 记为 {family} 倍数 因为 {reason}=actions.multiplier({factor}, "{family}", "{reason}");
[then]赠送 {points} 奖励积分 记为 {family} 奖励 因为 {reason}=actions.bonus({points}, "{family}", "{reason}");
[then]本次最多奖励 {points} 积分 因为 {reason}=actions.capTotal({points}, "{reason}");
[then]将会员定为 {tier} 等级 因为 {reason}=actions.assignTier("{tier}", "{reason}");
[then]标价设为 {points} 积分 因为 {reason}=actions.listPrice({points}, "{reason}");
[then]积分价优惠 {percent}% 记为 {family} 折扣 因为 {reason}=actions.discount({percent}, "{family}", "{reason}");
[then]以一半积分加现金价兑换 因为 {reason}=actions.pointsShareWithCash(0.5, "{reason}");
[then]以 {points} 积分加 {cash} 元现金兑换 因为 {reason}=actions.pointsPlusCash({points}, {cash}, "{reason}");
# 兑换返积分（reward 阶段）：所付积分的一部分以积分返还。
[then]返还所付积分的 {percent}% 记为 {family} 返利 因为 {reason}=actions.pointsBack({percent}, "{family}", "{reason}");
