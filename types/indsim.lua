---@meta indsim
-- types/indsim.lua — definitions for lua-language-server (LuaLS) of everything
-- an indsim scenario file or analysis script sees: the globals that
-- engine/lua/prelude.lua exports, the objects they return and the keys of every
-- option table. indsim never loads this file; .luarc.json at the top of the
-- repository points the language server at it (README: "Editor support").
-- The reference is docs/lua-api.md; where this file and the engine disagree,
-- the engine is right (please report it). Units: money in bn VND (a year for
-- flows and budgets), shares and growth rates as fractions (0.187) unless a key
-- is called pct, time in calendar years (2007.5 is 1 July 2007).

---------------------------------------------------------------------------
-- Values, assumptions, titles

---A number where indsim accepts a distribution too (a single run uses its median).
---@alias indsim.Number number|indsim.Distribution

---A bare number, a distribution, or an assumption `{ value, range = , unit = , source = , note = }`.
---@alias indsim.Value number|indsim.Distribution|indsim.Assumption

---A title: one string, or a Vietnamese and an English text (`--lang` picks one; `both` shows "vi / en").
---@alias indsim.Text string|indsim.Bilingual

---Target sectors: a sector's name, a list of names, or "all".
---@alias indsim.Sectors string|string[]

---An output variable of the annual results (annual.csv's columns).
---@alias indsim.Var
---| "production_value"    # gross production value of the year, bn VND/yr
---| "growth"              # growth of production value over the year before, fraction
---| "value_added"         # value added of the year, bn VND/yr
---| "investment"          # gross investment of the year, bn VND/yr
---| "capital"             # capital stock at the end of the year, bn VND
---| "employment"          # employment at the end of the year, thousand workers
---| "labour_productivity" # value added per worker, mn VND/worker
---| "skilled_share"       # skilled share of workers at the end of the year
---| "modern_tech_share"   # modern-technology share of capital at the end of the year
---| "policy_cost"         # policy spending of the year, bn VND/yr
---| "tfp_index"           # TFP A(t)/A(t0) at the end of the year
---| "va_share"            # value added / production value of the year
---| "business_env"        # improvement E of the business environment, PCI points

---Which statistics of an ensemble cell: the level, or the gain over the baseline (bn VND or %).
---@alias indsim.Set "level"|"gain"|"gain_pct"

---A cost-benefit figure.
---@alias indsim.EconOutput "npv"|"bcr"|"pv_benefit"|"pv_cost"|"payback_year"

---A value with what is known about it (an assumption).
---@class (exact) indsim.Assumption
---@field [1] indsim.Number the value (a distribution: its median must lie in range)
---@field range? number[] { lo, hi }: the plausible range, shown in the assumption register (does not truncate draws)
---@field unit? string if given, exactly the parameter's unit (`indsim params`)
---@field source? string where the value comes from, shown in the assumption register
---@field note? string kept, not printed

---@class (exact) indsim.Bilingual
---@field vi? string Vietnamese text
---@field en? string English text

---A parameter given per sector: sector name = value; `default` for the sectors not named.
---@class indsim.BySector
---@field default? indsim.Value the value of every sector not named (without it they keep the engine default)
---@field range? number[] { lo, hi } shared by the entries
---@field unit? string shared by the entries
---@field source? string shared by the entries
---@field note? string kept, not printed
---@field [string] indsim.Value a sector's value

---A parameter's value: for every sector, or per sector.
---@alias indsim.Param indsim.Value|indsim.BySector

---------------------------------------------------------------------------
-- scenario{} and base:with{}

---The parameters of a scenario (`indsim params` prints units, defaults and admissible ranges).
---@class (exact) indsim.Params
---@field output0? indsim.Param production value at an annual rate on 1 January of the first year, bn VND/yr (starting value)
---@field va_share0? indsim.Param value added / production value at the start (starting value)
---@field alpha? indsim.Param capital share in value added (starting value)
---@field kappa? indsim.Param capital / value added at the start, years (starting value)
---@field employment0? indsim.Param employment at the start, thousand workers (starting value)
---@field skilled0? indsim.Param share of skilled (trained) workers at the start (starting value)
---@field modern0? indsim.Param share of capital on modern technology at the start (starting value)
---@field theta? indsim.Param productivity premium of a skilled worker over an untrained one
---@field mu? indsim.Param TFP premium of modern over dated technology
---@field s? indsim.Param share of value added reinvested
---@field bs? indsim.Param relative rise of the reinvested share per PCI point of E
---@field ds? indsim.Param addition to the reinvested share (credit, subsidies)
---@field s_max? indsim.Param ceiling of the reinvested share
---@field f0? indsim.Param outside investment at the start, as a share of value added at the start
---@field bF? indsim.Param relative rise of outside investment per PCI point of E
---@field gF? indsim.Param trend growth of outside investment, 1/yr
---@field g? indsim.Param trend growth of TFP, 1/yr
---@field dv? indsim.Param rate of change of the value-added share, 1/yr
---@field delta? indsim.Param depreciation of capital, 1/yr
---@field n? indsim.Param growth of employment, 1/yr
---@field r? indsim.Param rate at which untrained workers are trained, 1/yr
---@field rho? indsim.Param rate at which skilled workers leave or lose their skill, 1/yr
---@field p? indsim.Param Bass innovation coefficient of technology adoption, 1/yr
---@field q? indsim.Param Bass imitation coefficient of technology adoption, 1/yr
---@field k? indsim.Param speed-up of imitation by skills: q(1 + k H)
---@field omega? indsim.Param rate at which modern technology becomes dated, 1/yr
---@field m_new? indsim.Param modern share of new investment (absent: new capital brings the current mix)
---@field E_target? indsim.Value target improvement of the business environment, PCI points (shared: one value)
---@field tau_E? indsim.Value time for the business environment to approach its target, years (shared: one value)

---@class (exact) indsim.SectorSpec
---@field name string letters, digits and _, not starting with a digit; not total, default, source, note, unit, range
---@field title? indsim.Text label in tables and plots

---@class (exact) indsim.Solver
---@field method? "rkf45"|"rkck"|"rk8pd" GSL's embedded Runge-Kutta pair (default "rkck")
---@field rtol? number relative tolerance per step, 1e-14 .. 0.1 (default 1e-7)
---@field atol? number absolute tolerance per step, 0 .. 1 (default 1e-10)
---@field h0? number first step, years, 1e-9 .. 1 (default 1e-3)
---@field max_steps? integer steps allowed between two stops of the solver (default 100000)

---@class (exact) indsim.Report
---@field years? integer[] the years of the summary table (at most 16; --years overrides)
---@field basis? string the price basis, printed after "bn VND, " (e.g. "1994 prices")

---@class (exact) indsim.Calibration
---@field fit? string[]|"uncertain" the numbers to fit ("g.state", "policy.training.rate", ...) or every uncertain number
---@field ["until"] integer? use only the observations up to this year
---@field source? string kept

---How the cost-benefit counts (docs/economics.md §2); rates may be distributions.
---@class (exact) indsim.Economics
---@field discount_rate? indsim.Value real discount rate, 1/yr (default 0.10)
---@field mcpf? indsim.Value marginal cost of public funds, costs are multiplied by it (default 1.2)
---@field profit_outflow? indsim.Value share of the profit sector's value-added gain that leaves (default 0.3)
---@field profit_sector? string the sector whose gain partly leaves (default none)
---@field net_of_investment? boolean count the induced investment as a cost (default true)
---@field residual_value? indsim.Value share of the extra capital left at the end counted as a benefit (default 1)
---@field deflator0? indsim.Value price level of the first year relative to the constant-price basis (default 1)
---@field inflation_past? indsim.Value deflator growth up to inflation_until, 1/yr
---@field inflation_until? integer last year of inflation_past
---@field inflation? indsim.Value deflator growth after inflation_until, 1/yr (default 0)
---@field base_year? integer the year PVs are discounted to (default: the first year with a cost)
---@field basis_year? integer the year whose prices money is shown at (default: the constant-price basis)
---@field source? string kept

---The keys of scenario{...}.
---@class (exact) indsim.ScenarioOptions
---@field name string 1 to 100 characters; the output folder is out/<name>/
---@field title? indsim.Text label in tables and plots (default: the name)
---@field description? string kept with the scenario, not printed
---@field period integer[] { first_year, last_year }: whole years in 1800..2300
---@field sectors (string|indsim.SectorSpec)[] 1 to 64 sectors: a name, or { name = , title = }
---@field params? indsim.Params the parameters (the rest keep their engine defaults)
---@field policies? indsim.Policy[] policy.<kind>{}, policy.custom{}
---@field events? indsim.Event[] event{}, transfer{}: the baseline's dated events, without cost
---@field observations? indsim.Observation[] published figures: obs.level{}, obs.growth{}, obs.avg_growth{}, obs.period_growth{}
---@field targets? indsim.Target[] plan targets: target.level{}, target.growth{}, target.avg_growth{}
---@field joints? indsim.Joint[] mvnormal{}: numbers drawn together
---@field calibration? indsim.Calibration what calibrate and `indsim calibrate` fit
---@field economics? indsim.Economics how the cost-benefit counts
---@field solver? indsim.Solver the ODE solver's settings
---@field report? indsim.Report what the summary table shows

---The keys of base:with{...}: every key of scenario{} (all optional but name) and add_*.
---@class (exact) indsim.WithOptions
---@field name string required, and not the base's name
---@field title? indsim.Text not inherited: without it the title is the new name
---@field description? string replaces the base's
---@field period? integer[] replaces the base's
---@field sectors? (string|indsim.SectorSpec)[] replaces the base's
---@field params? indsim.Params merged parameter by parameter (a table by sector without default changes only the sectors named)
---@field policies? indsim.Policy[] replaces the base's list ({} removes them all)
---@field events? indsim.Event[] replaces the base's list
---@field observations? indsim.Observation[] replaces the base's list
---@field targets? indsim.Target[] replaces the base's list
---@field add_policies? indsim.Policy[] appended to the base's list (or to the replacement given)
---@field add_events? indsim.Event[] appended to the base's list
---@field add_observations? indsim.Observation[] appended to the base's list
---@field add_targets? indsim.Target[] appended to the base's list
---@field joints? indsim.Joint[] replaces the base's (otherwise inherited, a calibrated base's posterior among them)
---@field calibration? indsim.Calibration replaces the base's
---@field economics? indsim.Economics merged key by key
---@field solver? indsim.Solver merged key by key
---@field report? indsim.Report merged key by key

---What is known about one parameter of a scenario (sc:assumption).
---@class indsim.AssumptionInfo
---@field value number the value (a distribution's median)
---@field dist? indsim.Distribution the distribution, if one was given
---@field unit string
---@field range? number[]
---@field source? string
---@field note? string

---A scenario object: read it, derive new ones with :with{}.
---@class indsim.Scenario
---@field name string the name
---@field title? table the title as parsed: { vi = , en = } or { text = }
---@field description? string
---@field period integer[] { first_year, last_year }
---@field sectors { name: string, title?: table }[] the sectors in order
---@field policies indsim.Policy[] the policies (read them, do not change them)
---@field events indsim.Event[] the events
---@field observations indsim.Observation[] the observations
---@field targets indsim.Target[] the plan targets
---@field joints indsim.Joint[] the joint normals (a calibrated scenario's posterior among them)
---@field report indsim.Report the summary table's settings (years may be nil)
---@field solver indsim.Solver the solver's settings
---@field calibrated? indsim.CalibrationReport on a scenario returned by calibrate: the report
---@field base? indsim.Scenario the scenario it was made from with :with{}
local Scenario = {}

---A new scenario: this one with some keys changed (this one is not modified).
---@param t indsim.WithOptions
---@return indsim.Scenario
function Scenario:with(t) end

---The assumption behind a parameter (nil: the engine default).
---@param param string a parameter name (`indsim params`)
---@param sector? string a sector's name (default: the value for every sector)
---@return indsim.AssumptionInfo?
function Scenario:assumption(param, sector) end

---The plain table the C core reads (engine internal; for inspection only).
---@param lang? "vi"|"en"|"both"
---@return table
function Scenario:spec(lang) end

---Its events, then its policies: the order the engine runs them in.
---@return (indsim.Event|indsim.Policy)[]
function Scenario:measures() end

---Its title in a language.
---@param lang? "vi"|"en"|"both"
---@return string
function Scenario:title_text(lang) end

---What scenario.load returns: a scenario; a list of scenarios (hanoi/default); or any
---other value a file returns (hanoi/programme: a table; a posterior.lua: an mvnormal).
---@class indsim.Loaded: indsim.Scenario
---@field [integer] indsim.Scenario a file that returns a list of scenarios
---@field [string] any a file that returns another kind of table

---`scenario{...}` checks every key and returns a scenario; `scenario.load "hanoi/baseline"` runs a scenario file.
---@class indsim.scenario
---@overload fun(t: indsim.ScenarioOptions): indsim.Scenario
scenario = {}

---Runs a scenario file and returns what it returned (loaded once per run of indsim).
---A name without .lua is looked for in each --path DIR, in ./scenarios/, then in the copies
---built into indsim; a name ending in .lua is a path relative to the current directory.
---@param name string e.g. "hanoi/baseline" or "my_training.lua"
---@return indsim.Loaded
function scenario.load(name) end

---------------------------------------------------------------------------
-- Policies and events

---A policy or an event, as its constructor returned it (read it, do not change it).
---@class indsim.Measure
---@field name string label in the assumption register
---@field kind "policy"|"event"
---@field from number the instant it starts (a calendar year)
---@field to? integer the last active year, inclusive (nil: to the end)
---@field ramp number years over which the effect rises
---@field decay number years over which the effect falls after to + 1
---@field targets? string[] the target sectors (nil: all)
---@field strength number share of the maximum effect (1 for explicit sizes and events)
---@field cost number yearly cost, bn VND/yr (0 for events)
---@field budget? number the budget, when given
---@field title? table
---@field source? string

---A policy: goes in a scenario's policies list.
---@class indsim.Policy: indsim.Measure

---An event: goes in a scenario's events list.
---@class indsim.Event: indsim.Measure

---An effect on one parameter: `{ param = "r", add = 0.03 }` or `{ param = "p", mul = 0.5 }`.
---@class (exact) indsim.Effect
---@field param string a parameter that is not a starting value (`indsim params`)
---@field add? indsim.Value the parameter rises by this much (exactly one of add and mul)
---@field mul? indsim.Value the parameter is multiplied by 1 + mul (mul >= -1)
---@field source? string source of the size
---@field note? string kept

---Firms moved between sectors: capital and employment leave from_sector at rate x w(t) a year.
---@class (exact) indsim.TransferSpec
---@field from_sector string the sector firms leave
---@field to_sector string the sector they join
---@field rate indsim.Value 1/yr, 0 .. 10
---@field source? string
---@field note? string

---The keys of a catalogue policy (policy.training{...}) or of a kind made with policy.define.
---Give exactly one of budget, strength, or effect sizes (the kind's effect keys).
---@class (exact) indsim.PolicyOptions
---@field from number the instant it starts: a calendar year, may be fractional (2008.5 is 1 July 2008)
---@field to? integer the last active year, inclusive: active until 31 December (nil: never ends)
---@field ramp? number years, 0 .. 100: the effect rises linearly to full (default: the kind's)
---@field decay? number years, 0 .. 100: after to + 1 the effect falls linearly to 0 (default: the kind's)
---@field budget? number bn VND/yr: strength B/(B + B50); the budget is the cost
---@field strength? number 0 .. 1: share of the maximum effect (1 needs cost =)
---@field cost? number bn VND/yr: the yearly cost, with strength or effect sizes (not with budget)
---@field targets? indsim.Sectors the sectors whose parameters it moves (default: the kind's, else all)
---@field name? string label in the assumption register (default: the kind's name)
---@field title? indsim.Text kept with the policy (default: the kind's)
---@field source? string shown in the assumption register (default: the kind's)
---@field note? string accepted and ignored

---@class (exact) indsim.BusinessEnvOptions: indsim.PolicyOptions
---@field points? indsim.Value E_target + points (PCI points; at most 10, range 5-20)

---@class (exact) indsim.TrainingOptions: indsim.PolicyOptions
---@field rate? indsim.Value r + rate, 1/yr (at most 0.08, range 0.03-0.15)
---@field premium? indsim.Value theta + premium (at most 0.15, range 0-0.3)

---@class (exact) indsim.TechRenewalOptions: indsim.PolicyOptions
---@field innovation? indsim.Value p x (1 + innovation) (at most 1.0, range 0.3-2)
---@field vintage? indsim.Value m_new + vintage (at most 0.25, range 0.1-0.4)
---@field invest? indsim.Value ds + invest (at most 0.01, range 0-0.03)

---@class (exact) indsim.CreditOptions: indsim.PolicyOptions
---@field invest? indsim.Value ds + invest (at most 0.04, range 0.01-0.08)

---@class (exact) indsim.IndustrialZonesOptions: indsim.PolicyOptions
---@field inflow? indsim.Value f0 x (1 + inflow) (at most 0.5, range 0.2-1.0)
---@field trend? indsim.Value gF + trend, 1/yr (at most 0.01, range 0-0.03)

---@class (exact) indsim.TradePromotionOptions: indsim.PolicyOptions
---@field tfp? indsim.Value g + tfp, 1/yr (at most 0.004, range 0.001-0.01)

---The options of a kind made with policy.define: its effect keys are its own.
---@class indsim.DefinedPolicyOptions: indsim.PolicyOptions
---@field [string] indsim.Value an effect size, by the kind's effect key

---An effect of a kind, as stored.
---@class indsim.KindEffect
---@field param string the parameter it moves
---@field kind "add"|"mul"
---@field size indsim.AssumptionInfo the maximum effect e_max

---A kind of policy (catalogue or policy.define): call it with the keys of indsim.PolicyOptions.
---@class indsim.PolicyKind
---@overload fun(t: indsim.DefinedPolicyOptions): indsim.Policy
---@field name string the kind's name
---@field title? table { vi = , en = }
---@field B50 indsim.AssumptionInfo the yearly budget that buys half of every maximum effect (.value, .range, .source)
---@field ramp number default ramp, years
---@field decay number default decay, years
---@field targets? string[] default targets (nil: all)
---@field source? string default source of its policies
---@field note? string
---@field order string[] its effect keys, sorted
---@field effects table<string, indsim.KindEffect> effect key -> effect

---@class indsim.BusinessEnvKind: indsim.PolicyKind
---@overload fun(t: indsim.BusinessEnvOptions): indsim.Policy

---@class indsim.TrainingKind: indsim.PolicyKind
---@overload fun(t: indsim.TrainingOptions): indsim.Policy

---@class indsim.TechRenewalKind: indsim.PolicyKind
---@overload fun(t: indsim.TechRenewalOptions): indsim.Policy

---@class indsim.CreditKind: indsim.PolicyKind
---@overload fun(t: indsim.CreditOptions): indsim.Policy

---@class indsim.IndustrialZonesKind: indsim.PolicyKind
---@overload fun(t: indsim.IndustrialZonesOptions): indsim.Policy

---@class indsim.TradePromotionKind: indsim.PolicyKind
---@overload fun(t: indsim.TradePromotionOptions): indsim.Policy

---The keys of policy.define{...}.
---@class (exact) indsim.DefineOptions
---@field name string the kind's name; the default name of its policies
---@field effects table<string, indsim.Effect> effect key -> { param = , add = | mul = }: the maximum effects
---@field B50 indsim.Value bn VND/yr, > 0: the budget that buys half of every maximum effect
---@field ramp? number default ramp of its policies, years (default 0)
---@field decay? number default decay of its policies, years (default 0)
---@field targets? indsim.Sectors default targets (default all)
---@field title? indsim.Text default title
---@field source? string default source (also of B50 if that has none)
---@field note? string kept

---The keys of policy.custom{...}: a one-off policy (cost = , or budget = with B50 = ).
---@class (exact) indsim.CustomOptions
---@field name string label
---@field from number the instant it starts
---@field to? integer the last active year, inclusive
---@field ramp? number years (default 0)
---@field decay? number years (default 0)
---@field effects? indsim.Effect[] what it moves: the sizes at full weight
---@field transfers? indsim.TransferSpec[] firms moved between sectors
---@field targets? indsim.Sectors sectors whose parameters the effects move (default all)
---@field cost? number bn VND/yr (default 0)
---@field budget? number bn VND/yr, with B50: strength B/(B + B50) scales every effect and transfer
---@field B50? indsim.Value bn VND/yr: goes with budget
---@field title? indsim.Text
---@field source? string
---@field note? string

---The keys of event{...}: a dated event of the baseline (no cost, strength 1).
---@class (exact) indsim.EventOptions
---@field name string label
---@field from number the instant it starts
---@field to? integer the last active year, inclusive
---@field ramp? number years (default 0)
---@field decay? number years (default 0)
---@field effects? indsim.Effect[] what it moves
---@field transfers? indsim.TransferSpec[] firms moved between sectors
---@field targets? indsim.Sectors sectors whose parameters the effects move (default all)
---@field title? indsim.Text
---@field source? string
---@field note? string

---The keys of transfer{...}: an event that moves firms between sectors.
---@class (exact) indsim.TransferOptions
---@field name string label
---@field from_sector string the sector firms leave
---@field to_sector string the sector they join
---@field rate indsim.Value 1/yr, 0 .. 10
---@field from number the instant it starts
---@field to? integer the last active year, inclusive
---@field ramp? number years
---@field decay? number years
---@field title? indsim.Text
---@field source? string
---@field note? string

---Policies: the catalogue's kinds, and the constructors of new ones.
---@class indsim.policy
---@field business_env indsim.BusinessEnvKind business environment, administrative reform: E_target + points (B50 20)
---@field training indsim.TrainingKind workforce and management training: r + rate, theta + premium (B50 150)
---@field tech_renewal indsim.TechRenewalKind technology and equipment renewal: p x, m_new +, ds + (B50 250)
---@field credit indsim.CreditKind access to credit: ds + invest (B50 300)
---@field industrial_zones indsim.IndustrialZonesKind zones and investment promotion: f0 x, gF + (B50 600)
---@field trade_promotion indsim.TradePromotionKind trade and market promotion: g + tfp (B50 80)
policy = {}

---A new kind of policy, called like the catalogue's: `kind{ from = , budget = }`.
---@param t indsim.DefineOptions
---@return indsim.PolicyKind
function policy.define(t) end

---A one-off policy.
---@param t indsim.CustomOptions
---@return indsim.Policy
function policy.custom(t) end

---The catalogue's kinds, in order (business_env, training, tech_renewal, credit, industrial_zones, trade_promotion).
---@return indsim.PolicyKind[]
function policy.catalogue() end

---The catalogue's kind called name; an error listing the catalogue if there is none.
---@param name string e.g. a script's argument "training"
---@return indsim.PolicyKind
function policy.get(name) end

---A dated event of the baseline: no cost, never counted as a policy's gain.
---@param t indsim.EventOptions
---@return indsim.Event
function event(t) end

---An event that moves firms (capital and employment) from one sector to another.
---@param t indsim.TransferOptions
---@return indsim.Event
function transfer(t) end

---------------------------------------------------------------------------
-- Observations and plan targets

---The keys common to every observation and plan target. Exactly one of value and pct.
---@class (exact) indsim.ObsCommon
---@field value? number|indsim.Assumption a level in bn VND/yr, or a growth as a fraction (0.187)
---@field pct? number|indsim.Assumption a growth in percent (18.7); not for a level
---@field se? number standard error in the unit of the figure (percentage points with pct); ignored by targets
---@field sector? string a sector's name or "total" (default the total)
---@field var? "production_value"|"value_added" which quantity (default production value)
---@field source? string shown in the register, the fit table and fit.csv
---@field note? string accepted and ignored

---@class (exact) indsim.ObsYear: indsim.ObsCommon
---@field year integer the year

---@class (exact) indsim.ObsYears: indsim.ObsCommon
---@field years integer[] { first, last }: "2001-2005" is measured from 2000

---@class (exact) indsim.ObsMonths: indsim.ObsCommon
---@field year integer the year
---@field months integer|integer[] N: the first N months; { a, b }: months a to b

---A published figure (an observation).
---@class indsim.Observation
---@field kind "level"|"growth"|"avg_growth"|"period_growth"
---@field value number the figure (growth as a fraction)
---@field se number its standard error (as a fraction for growth)
---@field sector? string nil: the total
---@field var string
---@field source? string

---A plan target.
---@class indsim.Target: indsim.Observation

---Observations: published figures the run is compared with and calibration fits.
---@class indsim.obs
obs = {}

---A year's level, bn VND.
---@param t indsim.ObsYear
---@return indsim.Observation
function obs.level(t) end

---A year's growth over the year before.
---@param t indsim.ObsYear
---@return indsim.Observation
function obs.growth(t) end

---The average growth over years { first, last }.
---@param t indsim.ObsYears
---@return indsim.Observation
function obs.avg_growth(t) end

---The months of a year against the same months of the year before.
---@param t indsim.ObsMonths
---@return indsim.Observation
function obs.period_growth(t) end

---Published figures from a CSV file, one observation a row, in the order of the rows (for
---observations = or add_observations =). Columns, in any order: kind (required), sector, var,
---year, year0, year1, months (6, or 3-8), value or pct, se, source, note. The file is looked for
---as given, then beside the calling file, in each --path folder, then under scenarios/.
---@param path string e.g. "history.csv"
---@return indsim.Observation[]
function obs.from_csv(path) end

---Plan targets: an ensemble reports the chance of meeting each.
---@class indsim.target
target = {}

---Met when the year's level is at least the target.
---@param t indsim.ObsYear
---@return indsim.Target
function target.level(t) end

---Met when the year's growth is at least the target.
---@param t indsim.ObsYear
---@return indsim.Target
function target.growth(t) end

---Met when the average growth over years { first, last } is at least the target.
---@param t indsim.ObsYears
---@return indsim.Target
function target.avg_growth(t) end

---------------------------------------------------------------------------
-- Distributions

---A distribution: a value wherever a parameter, an effect size, a transfer rate or a B50 goes.
---@class indsim.Distribution
---@field kind "normal"|"lognormal"|"uniform"|"triangular"|"beta"|"choice"
---@field median number what a single run uses

---Normal; a single run uses the mean.
---@param mean number
---@param sd number > 0
---@return indsim.Distribution
function normal(mean, sd) end

---exp of normal(ln median, sigma); a single run uses the median.
---@param median number > 0
---@param sigma number > 0
---@return indsim.Distribution
function lognormal(median, sigma) end

---Uniform on [lo, hi]; a single run uses (lo + hi)/2.
---@param lo number
---@param hi number > lo
---@return indsim.Distribution
function uniform(lo, hi) end

---Triangular; a single run uses its median.
---@param lo number
---@param mode number lo <= mode <= hi
---@param hi number > lo
---@return indsim.Distribution
function triangular(lo, mode, hi) end

---lo + (hi - lo) x Beta(a, b); a single run uses its median.
---@param a number > 0
---@param b number > 0
---@param lo? number default 0
---@param hi? number default 1
---@return indsim.Distribution
function beta(a, b, lo, hi) end

---One of 1 to 32 values; a single run uses the first whose cumulative probability reaches 0.5.
---@param values number[]
---@param probs? number[] >= 0, summing to 1 (default equal)
---@return indsim.Distribution
function choice(values, probs) end

---The keys of mvnormal{...}: a joint normal over named numbers.
---@class (exact) indsim.MvnormalOptions
---@field params string[] the numbers it draws ("g.state", "policy.training.rate", ...)
---@field mean number[] their means (of ln x for log members, of the log-odds for logit members)
---@field cov number[][] n x n covariance on the same scales: symmetric, positive definite
---@field log? string[] log-normal members
---@field logit? string[] logit-normal members, within their bounds
---@field bounds? table<string, number[]> { name = { lo, hi } } for logit members (default { 0, 1 })
---@field name? string default "joint"; name#k keys its random stream
---@field source? string kept

---A joint normal (for a scenario's joints list).
---@class indsim.Joint
---@field name string
---@field params string[]
---@field mean number[]
---@field cov number[][]
---@field source? string

---A joint normal over several named numbers: goes in a scenario's joints list.
---@param t indsim.MvnormalOptions
---@return indsim.Joint
function mvnormal(t) end

---------------------------------------------------------------------------
-- Runs and results

---An observation as run: the published figure beside the model's value.
---@class indsim.ObservationFit
---@field label string e.g. "growth 2006 (total)"
---@field label_vi string the same in Vietnamese (the tables of --lang vi)
---@field kind "level"|"growth"|"avg_growth"|"period_growth"
---@field sector string a sector's name or "total"
---@field observed number growth as a fraction
---@field model? number the model's value
---@field se number
---@field source string

---The result of a run.
---@class indsim.Result
---@field name string the scenario's name
---@field title string its title, in the language of --lang
---@field first_year integer
---@field last_year integer
---@field sectors string[] the sector names
---@field warnings string one warning a line ("" if none)
---@field steps integer solver steps taken
---@field rhs_calls integer evaluations of the model's right-hand side
local Result = {}

---The value of an output variable in a year (nil: the first year's growth, or a year outside the period).
---@param var indsim.Var
---@param year integer
---@param sector? string a sector's name or "total" (default)
---@return number?
function Result:get(var, year, sector) end

---Two lists: the years and the values (the first growth is nil).
---@param var indsim.Var
---@param sector? string a sector's name or "total" (default)
---@return integer[] years
---@return (number|nil)[] values
function Result:series(var, sector) end

---One entry per observation of the scenario.
---@return indsim.ObservationFit[]
function Result:observations() end

---Simulates a scenario (or a list of them) and returns its result (or the list of results).
---@overload fun(list: indsim.Scenario[]): indsim.Result[]
---@param sc indsim.Scenario
---@return indsim.Result
function run(sc) end

---@class (exact) indsim.CompareOptions
---@field baseline? integer|string|false the index or name of the baseline in the list (default 1); false: no gains
---@field years? integer[] the years of the table and the gains (default: the first scenario's report years)
---@field print? boolean false: return without printing (default true)

---The gain of one scenario in one year over the baseline.
---@class indsim.Gain
---@field abs number bn VND
---@field pct number %

---Runs what is not run yet, prints the summary table, and returns the results and the gains.
---@param list (indsim.Scenario|indsim.Result)[]
---@param opts? indsim.CompareOptions
---@return indsim.Result[] results
---@return table<string, table<integer, indsim.Gain>> gains gains[name][year] = { abs = , pct = }
function compare(list, opts) end

---Writes out/<name>/annual.csv (and fit.csv with observations); returns the folder.
---@param r indsim.Result
---@return string folder
function write(r) end

---Writes a CSV file under the output folder (atomically); returns the path written.
---@param file string relative to the output folder (subfolders are made; no .. or absolute names)
---@param columns string[] the header
---@param rows (string|number|false)[][] one list per line; false: an empty cell
---@return string path
function write_table(file, columns, rows) end

---Writes a text file (a markdown report) under the output folder (atomically); returns the path.
---@param file string relative to the output folder
---@param text string
---@return string path
function write_text(file, text) end

---The output folder (--out, default "out").
---@return string
function output_dir() end

---------------------------------------------------------------------------
-- Ensembles

---@class (exact) indsim.EnsembleOptions
---@field n? integer draws, >= 1 (default -n, else 1000)
---@field seed? integer the same seed gives the same numbers (default --seed, else 1)
---@field threads? integer 1 .. 256 (default --threads, else all processors); results do not depend on it
---@field baseline? indsim.Scenario|false run in every draw with the same values: gains and cost-benefit (same period and sectors)
---@field progress? boolean a progress bar on a terminal (default true)
---@field alpha? number relative accuracy of the quantiles, 0.001 .. 0.05 (default 0.005)

---Statistics of a cell over the draws (a statistic without a value is nil).
---@class indsim.Stats
---@field n integer the draws that gave a value
---@field mean? number
---@field sd? number
---@field q05? number
---@field q25? number
---@field q50? number
---@field q75? number
---@field q95? number

---An observation over the draws.
---@class indsim.ObservationStats: indsim.Stats
---@field label string
---@field label_vi string the same in Vietnamese (the tables of --lang vi)
---@field observed number
---@field se number
---@field year integer its last year

---A plan target over the draws.
---@class indsim.TargetStats: indsim.Stats
---@field label string
---@field label_vi string the same in Vietnamese (the tables of --lang vi)
---@field target number the target's value
---@field p_met number share of the draws that meet it
---@field shortfall number mean of (target - value) over the draws that miss it (0 if none)

---The NPV over the draws.
---@class indsim.NpvStats: indsim.Stats
---@field p_positive? number P(NPV > 0): the share of the draws with a positive NPV; nil without draws

---The cost-benefit over the draws.
---@class indsim.EconomicsStats
---@field npv indsim.NpvStats
---@field bcr indsim.Stats
---@field pv_benefit indsim.Stats
---@field pv_cost indsim.Stats
---@field payback_year indsim.Stats over the draws that pay back

---A Monte Carlo ensemble.
---@class indsim.Ensemble
---@field name string the scenario's name
---@field title string its title
---@field first_year integer
---@field last_year integer
---@field baseline? string the baseline's name (nil without one)
---@field draws integer draws run
---@field failed integer draws that failed (left out of every statistic)
---@field failure string why the first failed draw failed ("" if none)
---@field rhs_calls integer right-hand-side evaluations over all draws
---@field bytes integer memory held by the statistics
local Ensemble = {}

---Statistics of a cell.
---@param var indsim.Var
---@param year integer
---@param sector? string a sector's name or "total" (default)
---@param set? indsim.Set default "level"; "gain" and "gain_pct" need a baseline
---@return indsim.Stats
function Ensemble:stats(var, year, sector, set) end

---The q-quantile of a cell (nil if no draw gave a value).
---@param var indsim.Var
---@param year integer
---@param sector string? nil: the total
---@param q number 0 .. 1
---@param set? indsim.Set
---@return number?
function Ensemble:quantile(var, year, sector, q, set) end

---The model's value of each observation over the draws.
---@return indsim.ObservationStats[]
function Ensemble:observations() end

---Each plan target: P(met) and the expected shortfall.
---@return indsim.TargetStats[]
function Ensemble:targets() end

---The cost-benefit over the draws (needs a baseline).
---@return indsim.EconomicsStats
function Ensemble:economics() end

---Any quantile of a cost-benefit figure over the draws.
---@param name indsim.EconOutput
---@param q number 0 .. 1
---@return number?
function Ensemble:economics_quantile(name, q) end

---The cumulative NPV up to the end of each year over the draws (needs baseline =).
---@return (indsim.Stats|{year: integer})[]
function Ensemble:economics_years() end

---Runs a Monte Carlo ensemble of the scenario.
---@param sc indsim.Scenario
---@param opts? indsim.EnsembleOptions
---@return indsim.Ensemble
function ensemble(sc, opts) end

---Writes out/<name>/fan.csv (and targets.csv with plan targets); returns the folder.
---@param e indsim.Ensemble
---@return string folder
function write_fan(e) end

---------------------------------------------------------------------------
-- Calibration

---@class (exact) indsim.CalibrateOptions
---@field fit? string[]|"uncertain" the numbers to fit (default: the scenario's calibration.fit)
---@field ["until"] integer? fit only the observations up to this year
---@field name? string the calibrated scenario's name (default: the scenario's)
---@field max_iter? integer least-squares iterations (default 200)
---@field rtol? number ODE tolerance during the fit, in (0, 1)

---@class indsim.CalibratedNumber
---@field name string
---@field value number the fitted value
---@field init number the starting value
---@field se? number posterior sd
---@field prior_z? number how far the data moved it from its prior's median, in prior sds
---@field prior_sd? number
---@field shrink? number se / prior_sd
---@field identified boolean whether the data alone pin it down
---@field lo? number
---@field hi? number

---@class indsim.CalibratedObservation
---@field label string
---@field label_vi string the same in Vietnamese (the tables of --lang vi)
---@field observed number
---@field model? number the model's value at the fit
---@field se number
---@field year integer
---@field used boolean false: held out
---@field level boolean

---@class indsim.CalibrationReport
---@field scenario string the calibrated scenario's name
---@field ["until"] integer? the last year used (nil: all)
---@field ndata integer observations used
---@field converged boolean
---@field iterations integer
---@field runs integer model runs
---@field chi2_data number
---@field chi2_prior number
---@field params indsim.CalibratedNumber[] in the order of fit
---@field observations indsim.CalibratedObservation[]
---@field cov (number|false)[][] posterior covariance
---@field corr (number|false)[][] posterior correlations
---@field warnings string one a line ("" if none)

---Fits some of the scenario's numbers to its observations (each distribution its prior).
---@param sc indsim.Scenario
---@param opts? indsim.CalibrateOptions
---@return indsim.Scenario calibrated the scenario with the posterior as a joint named "calibration"
---@return indsim.CalibrationReport report
function calibrate(sc, opts) end

---------------------------------------------------------------------------
-- What a programme is worth

---@class (exact) indsim.EconomicsOptions
---@field baseline indsim.Scenario|indsim.Result the scenario without the programme (run as needed)

---@class indsim.EconomicsYear
---@field year integer
---@field gain_pv number gain in production value
---@field gain_va number gain in value added
---@field induced_investment number
---@field outflow number profit outflow
---@field residual number residual value (last year only)
---@field benefit number
---@field cost_current number cost in current prices
---@field cost number cost on the basis, x MCPF
---@field discount number discount factor
---@field npv_cumulative number

---@class indsim.EconomicsResult
---@field years indsim.EconomicsYear[]
---@field pv_benefit number
---@field pv_cost number
---@field npv number
---@field bcr? number nil without a cost
---@field payback_year? integer nil: never pays back
---@field base_year integer
---@field basis_year integer
---@field discount_rate number
---@field basis string the price basis and what is counted
---@field name string the scenario's name

---The cost-benefit of a scenario against its baseline (central run).
---@param r indsim.Scenario|indsim.Result
---@param opts indsim.EconomicsOptions
---@return indsim.EconomicsResult
function economics(r, opts) end

---@class (exact) indsim.AttributionOptions
---@field baseline? indsim.Scenario default: the scenario the package was made from with :with{}
---@field output? indsim.Var|"npv"|"bcr" default "production_value" (with year)
---@field year? integer the year of an annual output
---@field samples? integer random orders beyond 8 policies (default 2000)
---@field seed? integer for the random orders (default 1)

---@class indsim.Share
---@field name string the policy's name
---@field value number its Shapley value
---@field alone number its gain alone
---@field share? number value / total

---@class indsim.AttributionResult
---@field total number the package's gain
---@field other number the gain of the package without its policies (0 for a baseline plus policies)
---@field shares indsim.Share[]
---@field interaction number total - sum of alone
---@field pairs { a: string, b: string, value: number }[] each pair's interaction (exact runs only)
---@field exact boolean
---@field label string what was measured

---Splits a package's gain among its policies (Shapley values), with each alone and the interaction.
---@param package indsim.Scenario
---@param opts? indsim.AttributionOptions
---@return indsim.AttributionResult
function attribution(package, opts) end

---An output of a sensitivity run: a cost-benefit figure, or an annual variable in a year.
---@class (exact) indsim.SensitivityOutput
---@field var? indsim.Var default production_value
---@field year integer
---@field sector? string default "total"
---@field set? indsim.Set default "level"

---@class (exact) indsim.SensitivityOptions
---@field outputs? (indsim.EconOutput|indsim.SensitivityOutput)[] default { "npv" } (needs baseline)
---@field method? "oat"|"sobol" one at a time (default) or Sobol indices
---@field baseline? indsim.Scenario gains and cost-benefit are measured against it
---@field n? integer Sobol base samples (default 512)
---@field nboot? integer bootstrap resamples (default 200)
---@field level? number Sobol intervals' level (default 0.9)
---@field seed? integer
---@field lo? number one at a time: the low quantile (default 0.05)
---@field hi? number one at a time: the high quantile (default 0.95)

---k: output, i: number; false where a value is missing.
---@class indsim.SensitivityResult
---@field inputs string[] the uncertain numbers' names
---@field outputs string[] the outputs' labels
---@field method "oat"|"sobol"
---@field name string the scenario's name
---@field center number[] oat: each output with every number at its median
---@field lo (number|false)[][] oat: lo[k][i], number i at its low quantile
---@field hi (number|false)[][] oat: hi[k][i]
---@field lo_q number oat: the low quantile
---@field hi_q number oat: the high quantile
---@field s1 (number|false)[][] sobol: first-order indices s1[k][i]
---@field st (number|false)[][] sobol: total-order indices
---@field s1_lo (number|false)[][]
---@field s1_hi (number|false)[][]
---@field st_lo (number|false)[][]
---@field st_hi (number|false)[][]
---@field n integer sobol: base samples
---@field failed integer sobol: failed rows
---@field random_points boolean sobol: pseudo-random points (beyond 20 numbers)
---@field level number sobol: the intervals' level

---How each uncertain number moves the outputs.
---@param sc indsim.Scenario
---@param opts? indsim.SensitivityOptions
---@return indsim.SensitivityResult
function sensitivity(sc, opts) end

---@class (exact) indsim.SplitOptions
---@field baseline indsim.Scenario the scenario the policies are added to
---@field policies indsim.PolicyKind[] 2 or more kinds (policy.training, a policy.define kind, ...)
---@field total number bn VND a year
---@field min? number[] per policy, bn VND a year
---@field max? number[] per policy, bn VND a year
---@field from? number the policies' start (default 2008)
---@field to? integer the policies' last year (default: their own, to the end)
---@field targets? indsim.Sectors[] per policy, its target sectors
---@field output? indsim.Var|"npv"|"bcr" the objective (default production_value, with year)
---@field year? integer the year of an annual output
---@field quantile? number maximise this quantile of the gain over an ensemble of n draws
---@field n? integer draws with quantile (default 400)
---@field seed? integer
---@field grid? integer with 2 or 3 policies: also evaluate a grid of this many steps
---@field max_iter? integer simplex iterations (default 200)

---@class indsim.SplitResult
---@field budgets number[] the best split, bn VND a year per policy
---@field names string[] the policies' names
---@field value number the objective at the best split
---@field evaluations integer
---@field iterations integer
---@field converged boolean
---@field grid? { budgets: number[], value: number }[] with grid =

---The split of a yearly budget among policies that maximises the objective.
---@param t indsim.SplitOptions
---@return indsim.SplitResult
function optimize_split(t) end

---@class (exact) indsim.BudgetOptions
---@field baseline indsim.Scenario the scenario the policies are added to
---@field policies indsim.PolicyKind[] the kinds to split among
---@field target indsim.Target a plan target (target.avg_growth{...})
---@field probability? number the chance to reach, 0.01 .. 0.999 (default 0.9)
---@field max_total? number bn VND a year (default 5000)
---@field n? integer draws per probability (default 300)
---@field seed? integer
---@field tol? number bisection tolerance, bn VND a year
---@field min? number[] per policy
---@field max? number[] per policy
---@field from? number default 2008
---@field to? integer default: the policies' own
---@field targets? indsim.Sectors[] per policy, its target sectors

---@class indsim.BudgetResult
---@field reached boolean false: even max_total is not enough
---@field total number bn VND a year
---@field probability number the chance at that total
---@field budgets number[] its split

---The smallest yearly budget (and its split) that meets a plan target with a chosen probability.
---@param t indsim.BudgetOptions
---@return indsim.BudgetResult
function budget_for_target(t) end

---------------------------------------------------------------------------
-- Plots: each returns true when drawn, false with --no-plots, nil when gnuplot is missing or fails.

---@class (exact) indsim.FileOption
---@field file? string relative to the output folder; .png or .svg chooses the format

---@class (exact) indsim.CompareOptionsPlot
---@field var? indsim.Var|"output" default production value
---@field file? string default "compare"
---@field baseline? integer|string|false as in compare

---@class indsim.LineSeries
---@field name? string legend
---@field y (number|nil)[] the values (nil: a gap)
---@field x? number[] its own x values (default the shared x)
---@field n? integer how many points to draw
---@field lo? (number|nil)[] lower edge of a shaded band (with hi)
---@field hi? (number|nil)[] upper edge of a shaded band (with lo)

---@class (exact) indsim.LinesOptions
---@field x? number[] x values shared by the series that give none
---@field series indsim.LineSeries[]
---@field title? string
---@field xlabel? string
---@field ylabel? string
---@field file? string default "lines"

---@class (exact) indsim.RankingSeries
---@field name? string
---@field values (number|nil)[] one per label (nil: a gap)
---@field lo? (number|nil)[] error bars' low ends
---@field hi? (number|nil)[] error bars' high ends

---@class (exact) indsim.RankingOptions
---@field labels string[] the rows' names, top to bottom
---@field series indsim.RankingSeries[] 1 to 4 series of bars
---@field title? string
---@field xlabel? string
---@field file? string default "ranking"

---@class (exact) indsim.FanOptions
---@field set? indsim.Set default "level"; gains need an ensemble with a baseline
---@field sector? string a sector's name or "total" (default)
---@field file? string default <name>/fan, <name>/fan_gain, <name>/fan_gain_pct

---@class (exact) indsim.SensitivityPlotOptions
---@field output? integer|string the output's index or label (default 1)
---@field top? integer sobol: how many numbers (default 20)
---@field file? string default sensitivity/tornado or sensitivity/sobol
---@field title? string

---@class (exact) indsim.WaterfallOptions
---@field by? "alone"|"shapley" each policy alone then the interaction (default), or the Shapley shares
---@field file? string default attribution (attribution_shapley)
---@field title? string
---@field ylabel? string

---@class (exact) indsim.EconomicsPlotOptions
---@field file? string default "economics"
---@field title? string
---@field bands? (indsim.Stats|{year: integer})[][] the matching e:economics_years() results: shaded 5-95 % bands

---gnuplot charts in the output folder, each beside the .gp script that drew it.
---@class indsim.plot
plot = {}

---Production value and growth of each sector and the total, with the observations (default <name>/projection).
---@param r indsim.Result
---@param opts? indsim.FileOption
---@return boolean?
function plot.projection(r, opts) end

---One variable for several scenarios, and the gain over the baseline (default file "compare").
---@param list (indsim.Scenario|indsim.Result)[]
---@param opts? indsim.CompareOptionsPlot
---@return boolean?
function plot.compare(list, opts) end

---Any lines.
---@param t indsim.LinesOptions
---@return boolean?
function plot.lines(t) end

---Horizontal bars with error bars.
---@param t indsim.RankingOptions
---@return boolean?
function plot.ranking(t) end

---The fan chart of an ensemble: 5-95 % and 25-75 % bands, median and mean.
---@param e indsim.Ensemble
---@param opts? indsim.FanOptions
---@return boolean?
function plot.fan(e, opts) end

---The tornado chart of a one-at-a-time sensitivity() result.
---@param sens indsim.SensitivityResult
---@param opts? indsim.SensitivityPlotOptions
---@return boolean?
function plot.tornado(sens, opts) end

---First- and total-order Sobol indices of a sensitivity(..., { method = "sobol" }) result.
---@param sens indsim.SensitivityResult
---@param opts? indsim.SensitivityPlotOptions
---@return boolean?
function plot.sobol(sens, opts) end

---A waterfall to the package's gain, from an attribution() result.
---@param attr indsim.AttributionResult
---@param opts? indsim.WaterfallOptions
---@return boolean?
function plot.waterfall(attr, opts) end

---The cumulative NPV of each economics() result by year (it crosses 0 at the payback year).
---@param list indsim.EconomicsResult[]
---@param opts? indsim.EconomicsPlotOptions
---@return boolean?
function plot.economics(list, opts) end

---------------------------------------------------------------------------
-- Files of your own (the sandbox's require and dofile; docs/lua-api.md §1)

---Loads a helper module once per run and returns what it returned (true if
---nothing): `require "lib.prices"` runs lib/prices.lua found beside the files
---named on the command line, in a --path folder, scenarios/ or scripts/.
---@param modname string dots separate folders
---@return any
function require(modname) end
