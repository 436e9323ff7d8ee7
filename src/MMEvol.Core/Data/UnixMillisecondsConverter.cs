using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MMEvol.Core.Data;

internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
