using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Accounts made before registration needed a confirmed address stay usable (ADR 0006).
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET email_confirmed = true;");
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
