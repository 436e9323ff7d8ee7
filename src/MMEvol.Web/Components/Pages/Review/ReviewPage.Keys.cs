using Microsoft.JSInterop;
using MMEvol.Core.Review;

namespace MMEvol.Web.Components.Pages.Review;

/// <summary>The page's keys (see KeyHelp): the list moves with j/k and n/p, the selected item takes c/y/x/e, u undoes.</summary>
public sealed partial class ReviewPage : IAsyncDisposable
{
    [JSInvokable]
    public async Task OnKeyAsync(string key)
    {
        switch (key)
        {
            case "j": await MoveAsync(+1, sameRecordAllowed: true); break;
            case "k": await MoveAsync(-1, sameRecordAllowed: true); break;
            case "n": await MoveAsync(+1, sameRecordAllowed: false); break;
            case "p": await MoveAsync(-1, sameRecordAllowed: false); break;
            case "c": await ActOnSelectedAsync(ReviewCommand.Confirm); break;
            case "y": await ActOnSelectedAsync(ReviewCommand.Keep); break;
            case "x": await ActOnSelectedAsync(ReviewCommand.Eliminate); break;
            case "e": await ActOnSelectedAsync(ReviewCommand.Clear); break;
            case "u": await UndoAsync(); break;
            case "?": showHelp = !showHelp; break;
            case "Escape": showHelp = false; break;
        }
        StateHasChanged();
    }

    private async Task ActOnSelectedAsync(ReviewCommand command)
    {
        if (Selected is not { } item)
            return;
        // A refused save stays on the item, so the reviewer sees its current state before going on.
        if (await ApplyAsync(item, command, null))
            await MoveAsync(+1, sameRecordAllowed: true);
    }

    /// <summary>Moves the selection through the list; n and p skip the rows of the current record.</summary>
    private async Task MoveAsync(int step, bool sameRecordAllowed)
    {
        var at = rows.ToList().FindIndex(r => r.ItemId == selectedItemId);
        var record = at >= 0 ? rows[at].RecordId : -1;
        for (var i = at + step; i >= 0 && i < rows.Count; i += step)
        {
            if (sameRecordAllowed || rows[i].RecordId != record)
            {
                await SelectItemAsync(rows[i].ItemId);
                return;
            }
        }
        if (step > 0 && next is not null)
            await NextPageAsync();
        else if (step < 0 && cursors.Count > 0)
            await PreviousPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (keys is not null)
        {
            try
            {
                await keys.InvokeVoidAsync("detach");
                await keys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the page's listener.
            }
        }
        self?.Dispose();
    }
}
