# Jifen loyalty vocabulary: plain sentences for the five rule families.
# A DSLR file uses it with the line `expander loyalty.dsl`.
# Longer sentences come first: a sentence must not be matched by a shorter one that starts the same way.
# A {variable} must not be followed directly by a comma: the Drools DSL parser rejects the whole file
# ("DSL parser error"), so write "as a {family} bonus, because", never "as {family}, because".
#
# ---- rule header ----
# [keyword] sentences apply only between a rule's name and its `when` (the engine applies them there).
[keyword]in phase {phase}=ruleflow-group "{phase}"
[keyword]only one rule of group {group} applies=activation-group "{group}"
[keyword]checked with priority {priority}=salience {priority}
# a campaign rule awards only inside its campaign's window, audience and budget (docs/campaigns.md)
[keyword]belongs to campaign {campaign}=@campaign("{campaign}")
#
# ---- conditions: purchases ----
[when]There is a purchase line in category {category}=$line : LineItem(category == "{category}")
[when]There is a purchase line in one of the categories {categories}=$line : LineItem(category in ({categories}))
[when]There is a purchase line=$line : LineItem()
[when]The purchase total is at least {amount} and less than {limit}=Purchase(total >= {amount}, total < {limit})
[when]The purchase total is at least {amount}=Purchase(total >= {amount})
[when]The purchase was made in channel {channel}=Purchase(channel == "{channel}")
[when]There is a purchase=Purchase()
#
# ---- conditions: member events ----
[when]The member event is {type}=$event : MemberEvent(type == "{type}")
[when]The member had fewer than {count} {type} events today=MemberActivity(eventsToday("{type}") < {count})
[when]The member had fewer than {count} {type} events this month=MemberActivity(eventsThisMonth("{type}") < {count})
#
# ---- conditions: the member ----
[when]The member is in tier {tier}=Member(tier == "{tier}")
[when]The member is not in tier {tier}=Member(tier != "{tier}")
[when]The member's qualifying spend is at least {amount} and less than {limit}=MemberActivity(qualifyingSpend >= {amount}, qualifyingSpend < {limit})
[when]The member's qualifying spend is at least {amount}=MemberActivity(qualifyingSpend >= {amount})
[when]The member's qualifying spend is less than {amount}=MemberActivity(qualifyingSpend < {amount})
# attributes integrators set on the member (city, channel, school …); a missing one reads as ""
[when]The member's attribute {attribute} is one of {values}=Member(attribute("{attribute}") in ({values}))
[when]The member's attribute {attribute} is {value}=Member(attribute("{attribute}") == "{value}")
[when]It is the member's birthday=$calendar : ProgramCalendar() and Member(isBirthday($calendar.date))
#
# ---- conditions: the calendar (merchant-local) ----
[when]Today is day {day} of the month=ProgramCalendar(dayOfMonth == {day})
[when]Today is between {from} and {to}=ProgramCalendar(isBetween("{from}", "{to}"))
[when]Today is in month {month} on or after day {day}=ProgramCalendar(month == {month}, dayOfMonth >= {day})
[when]Today is day {day} of the week=ProgramCalendar(dayOfWeek == {day})
#
# ---- conditions: points-mall quotes ----
[when]The item is of type {type} and its {attribute} is {value}=QuoteRequest(item.type == "{type}", item.attribute("{attribute}") == "{value}")
[when]The item is of type {type} and has a cash price=QuoteRequest(item.type == "{type}", item.cashPrice != null)
[when]The item is of type {type}=QuoteRequest(item.type == "{type}")
[when]The item is in category {category}=QuoteRequest(item.category == "{category}")
[when]The item costs at least {points} points=QuoteRequest(item.basePoints >= {points})
[when]There is a quote request=QuoteRequest()
#
# ---- actions ----
[then]Earn {points} points per {unit} spent, because {reason}=actions.pointsPerUnit({points}, {unit}, "{reason}");
[then]Earn {points} point per {unit} spent, because {reason}=actions.pointsPerUnit({points}, {unit}, "{reason}");
[then]The line earns nothing, because {reason}=actions.excludeLine($line, "{reason}");
[then]The line earns {factor} times the base rate, because {reason}=actions.lineMultiplier($line, {factor}, "{reason}");
# A multiplier is at least 1 (use a line multiplier to make a category earn less).
[then]Multiply the base points by {factor} as a {family} multiplier, because {reason}=actions.multiplier({factor}, "{family}", "{reason}");
[then]Give {points} bonus points as a {family} bonus, because {reason}=actions.bonus({points}, "{family}", "{reason}");
[then]Award at most {points} points in total, because {reason}=actions.capTotal({points}, "{reason}");
[then]Put the member in the {tier} tier, because {reason}=actions.assignTier("{tier}", "{reason}");
[then]Set the list price to {points} points, because {reason}=actions.listPrice({points}, "{reason}");
[then]Take {percent} percent off the points price as a {family} discount, because {reason}=actions.discount({percent}, "{family}", "{reason}");
[then]Offer it for half its points plus its cash price, because {reason}=actions.pointsShareWithCash(0.5, "{reason}");
[then]Offer it for {points} points plus {cash} cash, because {reason}=actions.pointsPlusCash({points}, {cash}, "{reason}");
# Points back on a redemption (phase reward): a share of the points paid comes back as points.
[then]Give back {percent} percent of the points paid as a {family} reward, because {reason}=actions.pointsBack({percent}, "{family}", "{reason}");
