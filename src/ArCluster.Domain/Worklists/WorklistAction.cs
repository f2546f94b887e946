namespace ArCluster.Domain.Worklists;

/// <summary>What a biller can do with a worklist item; every action is recorded with who and when.</summary>
public enum WorklistAction
{
    Note = 0,

    /// <summary>Gives the item to a user to work.</summary>
    Assign = 1,

    /// <summary>Appeals the denial or disputes the underpayment, before its deadline.</summary>
    Appeal = 2,

    /// <summary>The claim needs a corrected claim (frequency 7) sent.</summary>
    MarkForCorrection = 3,

    /// <summary>Writes off the balance with a reason: an adjustment in the ledger.</summary>
    WriteOff = 4,

    /// <summary>Closes the item with a note (an underpayment accepted, say).</summary>
    Resolve = 5,
}
