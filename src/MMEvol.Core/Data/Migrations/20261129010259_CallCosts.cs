using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Cost",
                table: "Rounds",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JudgeCompletionTokens",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JudgePromptTokens",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CostLimit",
                table: "Jobs",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Cost",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "JudgeCompletionTokens",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "JudgePromptTokens",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CostLimit",
                table: "Jobs");
        }
    }
}
