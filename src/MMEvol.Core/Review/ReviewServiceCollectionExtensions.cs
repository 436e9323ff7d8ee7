using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MMEvol.Core.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review list, lineage and actions; stateless, each call opens its own short-lived context.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReviewQuery>();
        services.TryAddSingleton<LineageQuery>();
        services.TryAddSingleton<ReviewActions>();
        services.TryAddSingleton<BulkReview>();
        services.TryAddSingleton<SavedFilters>();
        return services;
    }
}
