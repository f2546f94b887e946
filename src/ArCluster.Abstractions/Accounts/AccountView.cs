using System.Collections.Immutable;
using ArCluster.Abstractions.Claims;
using ArCluster.Abstractions.Ledger;

namespace ArCluster.Abstractions.Accounts;

/// <summary>
/// An account with its claims and what is owed on them, its patient payments and how each was
/// applied, and its unapplied credit. <see cref="PatientBalance"/> is what the guarantor owes on
/// the claims less the credit.
/// </summary>
[GenerateSerializer, Immutable, Alias("arcluster.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string PracticeId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] PersonInfo Patient,
    [property: Id(3)] PersonInfo Guarantor,
    [property: Id(4)] long Version,
    [property: Id(5)] ImmutableArray<ClaimSummary> Claims,
    [property: Id(6)] decimal InsuranceBalance,
    [property: Id(7)] decimal PatientBalance,
    [property: Id(8)] decimal UnappliedCredit,
    [property: Id(9)] ImmutableArray<PatientPaymentView> Payments,
    [property: Id(10)] ImmutableArray<PostingView> History);

[GenerateSerializer, Immutable, Alias("arcluster.PatientPaymentView")]
public sealed record PatientPaymentView(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateOnly PaymentDate,
    [property: Id(3)] PatientPaymentMethod Method,
    [property: Id(4)] string? Reference,
    [property: Id(5)] ImmutableArray<PaymentApplicationView> Applications,
    [property: Id(6)] decimal Credit,
    [property: Id(7)] string State);

[GenerateSerializer, Immutable, Alias("arcluster.PaymentApplicationView")]
public sealed record PaymentApplicationView(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] bool Reversed);
