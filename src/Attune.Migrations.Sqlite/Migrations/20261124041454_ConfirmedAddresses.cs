using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "purpose",
                table: "outgoing_mails",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Accounts made before registration needed a confirmed address stay usable (ADR 0006).
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET email_confirmed = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "purpose",
                table: "outgoing_mails");
        }
    }
}
