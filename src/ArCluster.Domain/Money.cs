using System.Globalization;

namespace ArCluster.Domain;

/// <summary>
/// An exact amount of US dollars in whole cents. Never more than two decimal places, never a
/// binary floating-point value, and bounded so that sums of a whole practice's ledger cannot
/// overflow a <see cref="decimal"/> or the journal's <c>numeric(18,2)</c> column.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>The largest magnitude of one amount: a trillion dollars less a cent.</summary>
    public static readonly decimal Limit = 999_999_999_999.99m;

    public static readonly Money Zero;

    private readonly decimal _amount;

    private Money(decimal amount) => _amount = decimal.Round(amount, 2);

    public decimal Amount => _amount;

    public bool IsZero => _amount == 0m;

    public bool IsPositive => _amount > 0m;

    public bool IsNegative => _amount < 0m;

    public long Cents => decimal.ToInt64(_amount * 100m);

    public static Money FromCents(long cents) => Of(cents / 100m);

    /// <summary>An amount known to be exact in cents; anything else is a programming error.</summary>
    public static Money Of(decimal amount) =>
        TryCreate(amount, out var money, out var error) ? money : throw new ArgumentOutOfRangeException(nameof(amount), error);

    public static bool TryCreate(decimal amount, out Money money, out string error)
    {
        money = Zero;
        if (decimal.Round(amount, 2) != amount)
        {
            error = $"{amount.ToString(CultureInfo.InvariantCulture)} has more than two decimal places; amounts are in whole cents";
            return false;
        }

        if (Math.Abs(amount) > Limit)
        {
            error = $"{amount.ToString(CultureInfo.InvariantCulture)} is beyond the largest amount the ledger holds ({Limit.ToString(CultureInfo.InvariantCulture)})";
            return false;
        }

        money = new Money(amount);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses "125", "125.5" or "125.50" (invariant culture, optional leading minus).</summary>
    public static bool TryParse(string? raw, out Money money, out string error)
    {
        money = Zero;
        if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{raw}' is not an amount: use digits with an optional '.' and at most two decimals, e.g. 125.50";
            return false;
        }

        return TryCreate(amount, out money, out error);
    }

    public static Money operator +(Money left, Money right) => Of(left._amount + right._amount);

    public static Money operator -(Money left, Money right) => Of(left._amount - right._amount);

    public static Money operator -(Money value) => new(-value._amount);

    public static bool operator ==(Money left, Money right) => left.Equals(right);

    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    public static bool operator <(Money left, Money right) => left._amount < right._amount;

    public static bool operator >(Money left, Money right) => left._amount > right._amount;

    public static bool operator <=(Money left, Money right) => left._amount <= right._amount;

    public static bool operator >=(Money left, Money right) => left._amount >= right._amount;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, next) => total + next);

    public Money Negate() => -this;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public int CompareTo(Money other) => _amount.CompareTo(other._amount);

    public bool Equals(Money other) => _amount == other._amount;

    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    public override int GetHashCode() => _amount.GetHashCode();

    /// <summary>Always two decimals, invariant culture: "1250.00", "-3.10".</summary>
    public override string ToString() => _amount.ToString("0.00", CultureInfo.InvariantCulture);
}
