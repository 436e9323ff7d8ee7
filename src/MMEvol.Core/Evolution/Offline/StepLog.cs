using MMEvol.Core.Model;
using T = MMEvol.Core.Evolution.Offline.OfflineTemplates;

namespace MMEvol.Core.Evolution.Offline;

/// <summary>
/// The steps, objects and skills of one item as it is written. Each object is grounded once and
/// keeps its box name (bbx_k) for later steps; boxes are quoted from the detections, never made up.
/// </summary>
internal sealed class StepLog
{
    private readonly List<Step> _steps = [];
    private readonly List<string> _objects = [];
    private readonly List<string> _skills = [];
    private readonly Dictionary<string, string> _boxNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referred = new(StringComparer.Ordinal);
    private int _next = 1;

    public IReadOnlyList<Step> Steps => _steps;
    public IReadOnlyList<string> Objects => _objects;
    public IReadOnlyList<string> Skills => _skills;

    public bool IsGrounded(GroundedObject item) => _boxNames.ContainsKey(item.Label);

    public bool IsReferred(GroundedObject item) => _referred.Contains(item.Label);

    /// <summary>A copy to try a clause on before committing to it.</summary>
    public StepLog Clone()
    {
        var copy = new StepLog { _next = _next };
        copy._steps.AddRange(_steps);
        copy._objects.AddRange(_objects);
        copy._skills.AddRange(_skills);
        foreach (var (key, value) in _boxNames)
            copy._boxNames[key] = value;
        copy._referred.UnionWith(_referred);
        return copy;
    }

    public string Ground(GroundedObject item)
    {
        if (_boxNames.TryGetValue(item.Label, out var name))
            return name;
        name = T.BoxName(_next);
        _steps.Add(new Step(T.GroundingOp(_next++, item.Label), T.AtBox(item.Label, item.Box)));
        _boxNames[item.Label] = name;
        Use(item.Label);
        Skill(AtomicSkills.Grounding);
        return name;
    }

    /// <summary>All objects of a kind under one box name, e.g. every triangle.</summary>
    public string GroundGroup(string plural, IReadOnlyList<GroundedObject> members)
    {
        if (members.Count == 1)
            return Ground(members[0]);
        if (_boxNames.TryGetValue(plural, out var name))
            return name;
        name = T.BoxName(_next);
        _steps.Add(new Step(T.GroundingOp(_next++, plural), T.GroupAt(plural, members.Select(m => m.Box))));
        _boxNames[plural] = name;
        foreach (var label in members.Select(m => m.Label).Distinct(StringComparer.Ordinal))
            Use(label);
        Skill(AtomicSkills.Grounding);
        return name;
    }

    public void GroundNothing(string label)
    {
        _steps.Add(new Step(T.GroundingNone(_next++, label), T.NoBox(T.WithArticle(label))));
        Skill(AtomicSkills.Grounding);
    }

    public void Calculate(string arguments, string result, string description)
    {
        _steps.Add(new Step(T.CalculateOp(arguments, result), description));
        Skill(AtomicSkills.Calculating);
    }

    /// <summary>Zooms into a grounded object to confirm it; false when it was already confirmed.</summary>
    public bool Refer(GroundedObject item)
    {
        if (!_referred.Add(item.Label))
            return false;
        var box = Ground(item);
        _steps.Add(new Step(T.ReferringOp(box, item.Label), T.Zoom(box, item.Label)));
        Skill(AtomicSkills.Referencing);
        return true;
    }

    /// <summary>Zooms into the first grounded box, single object or group, not yet confirmed; false when none is left.</summary>
    public bool ReferNext()
    {
        foreach (var (target, box) in _boxNames.OrderBy(b => b.Value.Length).ThenBy(b => b.Value, StringComparer.Ordinal))
        {
            if (_referred.Add(target))
            {
                _steps.Add(new Step(T.ReferringOp(box, target), T.Zoom(box, target)));
                Skill(AtomicSkills.Referencing);
                return true;
            }
        }

        return false;
    }

    public void Use(string label)
    {
        if (!_objects.Contains(label, StringComparer.Ordinal))
            _objects.Add(label);
    }

    public void Skill(string skill)
    {
        if (!_skills.Contains(skill, StringComparer.Ordinal))
            _skills.Add(skill);
    }
}
