using System.Collections.Immutable;

namespace ArCluster.Simulation.Visits;

/// <summary>The diagnoses and services of one visit as a specialty's visit rules put them together.</summary>
internal sealed class VisitDraft
{
    private readonly List<string> _diagnoses = new(4);

    public IReadOnlyList<string> Diagnoses => _diagnoses;

    public List<DraftLine> Lines { get; } = new(6);

    /// <summary>Adds a diagnosis once and returns its 1-based pointer.</summary>
    public int Diagnose(string code)
    {
        var at = _diagnoses.IndexOf(code);
        if (at >= 0)
        {
            return at + 1;
        }

        _diagnoses.Add(code);
        return _diagnoses.Count;
    }

    /// <summary>The 1-based pointer of a diagnosis already on the visit, or null.</summary>
    public int? PointerOf(string code) => _diagnoses.IndexOf(code) is >= 0 and var at ? at + 1 : null;

    /// <summary>Pointers to the first four diagnoses: an office visit addresses all of them.</summary>
    public ImmutableArray<int> AllPointers => [.. Enumerable.Range(1, Math.Min(4, _diagnoses.Count))];

    public void Add(string code, ImmutableArray<int> pointers, decimal units = 1m, string placeOfService = "11", params string[] modifiers) =>
        Lines.Add(new DraftLine(code, [.. modifiers], units, placeOfService, pointers));

    public void Add(string code, int pointer, params string[] modifiers) => Add(code, [pointer], 1m, "11", modifiers);
}

internal sealed record DraftLine(string Code, ImmutableArray<string> Modifiers, decimal Units, string PlaceOfService, ImmutableArray<int> Pointers);
