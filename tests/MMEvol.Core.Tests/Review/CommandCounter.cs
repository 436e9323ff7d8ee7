using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MMEvol.Core.Tests.Review;

/// <summary>Counts the queries EF sends.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public int Readers { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Readers++;
        return ValueTask.FromResult(result);
    }
}
