-- Member attributes (docs/api.md, "Members"): string values integrators set on a member (city, channel,
-- school …), handed to the rules as the Member fact's attributes. A JSON object of strings; null: none.
alter table member add column attributes jsonb
    constraint member_attributes_is_an_object check (attributes is null or jsonb_typeof(attributes) = 'object');

-- A campaign's audience may put conditions on them (docs/campaigns.md, "Audience"): attribute name -> the
-- values it accepts, e.g. {"city": ["Shanghai", "Hangzhou"]}. Null: no condition.
alter table campaign add column audience_attributes jsonb
    constraint campaign_audience_attributes_is_an_object
        check (audience_attributes is null or jsonb_typeof(audience_attributes) = 'object');
