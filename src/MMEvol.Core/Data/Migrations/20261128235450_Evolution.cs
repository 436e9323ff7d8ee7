using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InjectedFault",
                table: "Rounds",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JudgeLatencyMs",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JudgeRaw",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Seed",
                table: "Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheapCheck",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InjectedFault",
                table: "Items",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Metrics_ObjectGain",
                table: "Items",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Metrics_SkillGain",
                table: "Items",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "Metrics_StepGain",
                table: "Items",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InjectedFault",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "JudgeLatencyMs",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "JudgeRaw",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "Seed",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CheapCheck",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "InjectedFault",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Metrics_ObjectGain",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Metrics_SkillGain",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "Metrics_StepGain",
                table: "Items");
        }
    }
}
